import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { digestDatabase } from '../../helpers/db-digest'
import { fakeDialogs, type FakeDialogs } from '../../helpers/fake-ports'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'

const FIXTURES = new URL('../../fixtures/imports/', import.meta.url).pathname
const fixture = (name: string) => join(FIXTURES, name)
const CANARY = 'canaryIm4Zr8'

let vaults: TestVault[] = []
let dir: string
beforeEach(() => {
  dir = makeTempDir('between-import-')
})
afterEach(() => {
  for (const v of vaults) v.cleanup()
  vaults = []
  rmSync(dir, { recursive: true, force: true })
})

async function newVault(answers: Partial<FakeDialogs['answers']> = {}) {
  const dialogs = fakeDialogs(answers)
  const vault = await createTestVault({ dialogs, importOptions: { maxBytes: 200_000 } })
  vaults.push(vault)
  return { vault, dialogs }
}

type Handlers = TestVault['handlers']
const calendar = (options: Record<string, unknown> = {}) => ({ kind: 'calendar' as const, calendar: { timeZone: 'Europe/London', ...options } })
const OPTIONS = { 'import.betweenJson': { kind: 'betweenJson' }, 'import.dayOne': { kind: 'dayOne' } } as const

/** Choose (the preview), then apply with the same options, as the Settings screen does. */
async function runImport(handlers: Handlers, options: unknown) {
  const chosen = await dispatch(handlers, 'import.choose', options)
  if (!chosen.ok) return chosen
  const value = chosen.value as { status: 'cancelled' } | { status: 'ready'; preview: { planId: string } }
  if (value.status === 'cancelled') return chosen
  return dispatch(handlers, 'import.apply', { planId: value.preview.planId, options })
}

const sessionsOf = (vault: TestVault) => vault.core.sessions.list({ from: null, to: null, therapistId: null, limit: 1000 }).sort((a, b) => a.startsAt - b.startsAt)

describe('Between JSON: export, import into a new vault, export again', () => {
  it('gives the identical file, and a second import changes nothing', async () => {
    const { vault: a, dialogs: aDialogs } = await newVault({ save: join(dir, 'a.json') })
    const written = writeOneOfEverything(a.core, CANARY)
    a.core.rules.update({ id: written.rule.id, patch: { severity: 'info' } })
    a.core.reflections.create({ body: 'second', tags: ['Unused-later'], mood: null, sessionId: null, bringToSession: false })
    a.core.drafts.update({ id: written.draft.id, patch: { remindAt: Date.UTC(2026, 2, 5) } })
    expect(await dispatch(a.handlers, 'export.json', { confirmUnencrypted: true })).toMatchObject({ ok: true })
    expect(aDialogs.calls).toHaveLength(1)

    const { vault: b } = await newVault({ open: join(dir, 'a.json'), save: join(dir, 'b.json') })
    const imported = await runImport(b.handlers, OPTIONS['import.betweenJson'])
    expect(imported).toEqual({
      ok: true,
      value: {
        status: 'imported',
        created: { therapists: 1, sessions: 1, reflections: 2, drafts: 1, talkingPoints: 1, contacts: 1, absences: 1, rules: 1, crisisPlan: 1, reminders: 0, homework: 0 },
        updated: 0,
        skipped: 0,
      },
    })
    expect(await dispatch(b.handlers, 'export.json', { confirmUnencrypted: true })).toMatchObject({ ok: true })
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(readFileSync(join(dir, 'a.json'), 'utf8'))

    // The imported text is searchable (the FTS triggers ran) and the rule kept its history.
    expect(b.core.search.query({ query: CANARY, limit: 50, cursor: null }).hits.length).toBeGreaterThan(0)
    expect(b.core.rules.history({ id: written.rule.id })).toHaveLength(2)

    const before = digestDatabase(b.core.vault.db())
    const again = await runImport(b.handlers, OPTIONS['import.betweenJson'])
    expect(again).toMatchObject({ ok: true, value: { status: 'imported', created: { reflections: 0 }, skipped: 10 } })
    expect(digestDatabase(b.core.vault.db())).toBe(before)
  })
})

describe('Day One JSON', () => {
  it('entries become reflections with their dates, tags and zones; re-import adds nothing', async () => {
    const { vault } = await newVault({ open: fixture('day-one-journal.json') })
    const result = await runImport(vault.handlers, OPTIONS['import.dayOne'])
    expect(result).toEqual({
      ok: true,
      value: {
        status: 'imported',
        created: { therapists: 0, sessions: 0, reflections: 3, drafts: 0, talkingPoints: 0, contacts: 0, absences: 0, rules: 0, crisisPlan: 0, reminders: 0, homework: 0 },
        updated: 0,
        skipped: 1, // the photo-only entry
      },
    })
    const reflections = vault.core.reflections.list({ limit: 50, before: null, tag: null }).reverse()
    expect(reflections.map((r) => [new Date(r.createdAt).toISOString(), new Date(r.updatedAt).toISOString()])).toEqual([
      ['2025-11-02T21:14:37.000Z', '2025-11-02T21:40:02.000Z'],
      ['2026-01-14T07:05:00.000Z', '2026-01-14T07:05:00.000Z'],
      ['2026-02-01T12:00:00.000Z', '2026-02-01T12:00:00.000Z'],
    ])
    expect(reflections[0]?.body).toBe(
      'Couldn\'t sleep again. Thinking about what she said about "shoulds".\n\n- write it down\n- bring it up on Monday (if it still feels big)\n\nFelt about 3/10. Not great, not the worst!\n\n' +
        '— From Day One —\nStarred in Day One\nPlace: Somewhere private, London, England, United Kingdom\nWeather: Mostly Cloudy, 9 °C\nAttachments not imported: 1',
    )
    expect(reflections[0]?.tags).toEqual(['sleep', 'therapy'])
    expect(reflections[1]?.tags).toEqual(['Gratitude', 'travel'])
    expect(reflections[1]?.body).toContain('# Three things\n1. coffee')
    expect(reflections[2]?.body).toBe('An entry from a device with a zone Between does not know.\nBackslash kept: C:\\Users\\sam')
    expect(reflections.every((r) => r.mood === null && r.sessionId === null)).toBe(true)

    const zones = vault.core.vault
      .db()
      .prepare("SELECT external_key AS uuid, time_zone AS zone FROM import_sources WHERE source = 'day_one' ORDER BY external_key")
      .all()
    expect(zones).toEqual([
      { uuid: '1F2E3D4C5B6A79880796A5B4C3D2E1F0', zone: 'America/New_York' },
      { uuid: '8A3B9C6D2E1F4A5B9C8D7E6F5A4B3C2D', zone: 'Europe/London' },
      { uuid: 'AABBCCDDEEFF00112233445566778899', zone: null },
    ])
    // The device is not kept; place and weather are, visibly (above).
    const digestText = JSON.stringify(vault.core.vault.db().prepare('SELECT * FROM reflections').all())
    expect(digestText).not.toContain('iPhone')

    const before = digestDatabase(vault.core.vault.db())
    const again = await runImport(vault.handlers, OPTIONS['import.dayOne'])
    expect(again).toMatchObject({ ok: true, value: { created: { reflections: 0 }, skipped: 4 } })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })
})

describe('Calendar (.ics)', () => {
  it('expands the weekly series (moved, cancelled and excluded occurrences) and single events', async () => {
    const { vault, dialogs } = await newVault({ open: fixture('therapist-portal.ics') })
    const therapist = vault.core.therapists.create({ name: 'Dr A. Morgan', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    const result = await runImport(vault.handlers, calendar({ therapistId: therapist.id, pastStatus: 'scheduled' }))
    expect(result).toMatchObject({ ok: true, value: { status: 'imported', created: { sessions: 8 }, updated: 0, skipped: 2 } })
    expect(dialogs.calls).toEqual([{ method: 'open', kind: 'calendar' }])
    const sessions = sessionsOf(vault)
    expect(sessions.map((s) => [new Date(s.startsAt).toISOString(), s.durationMinutes, s.format, s.timeZone, s.status])).toEqual([
      ['2026-03-02T17:00:00.000Z', 50, 'video', 'Europe/London', 'scheduled'],
      ['2026-03-09T17:00:00.000Z', 50, 'video', 'Europe/London', 'scheduled'],
      ['2026-03-17T09:00:00.000Z', 50, 'video', 'Europe/London', 'scheduled'], // moved from Monday 16th
      ['2026-03-23T17:00:00.000Z', 50, 'video', 'Europe/London', 'cancelled'], // STATUS:CANCELLED: kept, as cancelled
      // 6 April excluded (EXDATE): no session
      ['2026-03-30T16:00:00.000Z', 50, 'video', 'Europe/London', 'scheduled'], // 17:00 BST
      ['2026-04-13T16:00:00.000Z', 50, 'video', 'Europe/London', 'scheduled'],
      ['2026-04-15T08:00:00.000Z', 60, 'in_person', 'Europe/London', 'scheduled'],
      ['2026-04-20T16:00:00.000Z', 50, 'video', 'Europe/London', 'scheduled'],
    ])
    expect(sessions.every((s) => s.therapistId === therapist.id)).toBe(true)

    // Same file again: nothing new, nothing changed.
    const before = digestDatabase(vault.core.vault.db())
    expect(await runImport(vault.handlers, calendar({ therapistId: therapist.id, pastStatus: 'scheduled' }))).toMatchObject({
      ok: true,
      value: { created: { sessions: 0 }, updated: 0 },
    })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)

    // The portal re-issues the calendar: one occurrence moved, one new appointment.
    // The person had deleted the 13 April session: it stays deleted.
    vault.core.sessions.delete({ id: (sessions[5] as { id: string }).id })
    dialogs.answers.open = fixture('therapist-portal-updated.ics')
    const update = await runImport(vault.handlers, calendar({ therapistId: therapist.id, pastStatus: 'scheduled' }))
    expect(update).toMatchObject({ ok: true, value: { created: { sessions: 1 }, updated: 1 } })
    const after = sessionsOf(vault).map((s) => [new Date(s.startsAt).toISOString(), s.format])
    expect(after).toContainEqual(['2026-03-30T17:00:00.000Z', 'video'])
    expect(after).toContainEqual(['2026-04-28T09:00:00.000Z', 'phone'])
    expect(after).not.toContainEqual(['2026-04-13T16:00:00.000Z', 'video'])
    expect(after).toHaveLength(8)
  })

  it('reads a Windows time zone from its VTIMEZONE (Outlook)', async () => {
    const { vault } = await newVault({ open: fixture('outlook-windows-zone.ics') })
    const result = await runImport(vault.handlers, calendar({ timeZone: 'Europe/Berlin', format: 'in_person' }))
    expect(result).toMatchObject({ ok: true, value: { created: { sessions: 1 } } })
    const [session] = sessionsOf(vault)
    expect(new Date(session?.startsAt ?? 0).toISOString()).toBe('2026-06-10T12:30:00.000Z')
    expect(session).toMatchObject({ durationMinutes: 50, timeZone: 'Europe/Berlin', therapistId: null, format: 'in_person' })
  })

  it('bounds a never-ending series by the horizon', async () => {
    const ics = readFileSync(fixture('therapist-portal.ics'), 'utf8').replace('RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8', 'RRULE:FREQ=WEEKLY;BYDAY=MO')
    writeFileSync(join(dir, 'forever.ics'), ics)
    const { vault } = await newVault({ open: join(dir, 'forever.ics') })
    await runImport(vault.handlers, calendar({ aheadMonths: 1 }))
    const series = sessionsOf(vault).filter((s) => s.durationMinutes === 50)
    expect(series.map((s) => new Date(s.startsAt).toISOString().slice(0, 10))).toEqual(['2026-03-02', '2026-03-09', '2026-03-17', '2026-03-23', '2026-03-30'])
    expect(series.every((s) => s.startsAt <= vault.clock.now() + 30 * 86_400_000)).toBe(true)
  })
})

describe('bad files: a clear error, and nothing changes', () => {
  const cases: Array<{ name: string; channel: 'import.betweenJson' | 'import.dayOne' | 'import.calendar'; content: string | Buffer; field?: string; message: RegExp }> = [
    { name: 'malformed JSON', channel: 'import.dayOne', content: `{\n  "metadata": {"version": "1.0"},\n  "entries": [ {"text": "${CANARY}" ,, } ]\n}`, field: 'line 3, column 41', message: /not valid JSON/ },
    { name: 'truncated JSON', channel: 'import.betweenJson', content: `{"format": "between-export", "data": {"x": "${CANARY}`, field: 'line 1, column 57', message: /not valid JSON/ },
    { name: 'JSON of another app', channel: 'import.betweenJson', content: `{"notes": ["${CANARY}"]}`, field: 'format', message: /not an export made by Between/ },
    { name: 'an export from a newer Between', channel: 'import.betweenJson', content: '{"format": "between-export", "version": 2}', field: 'version', message: /newer version/ },
    {
      name: 'a wrong value deep inside',
      channel: 'import.dayOne',
      content: JSON.stringify({ metadata: { version: '1.0' }, entries: [{ uuid: 'a', creationDate: '2026-01-01T00:00:00Z', text: 'ok' }, { uuid: 'b', creationDate: CANARY, text: CANARY }] }),
      field: 'entries.1.creationDate',
      message: /expected a date and time/,
    },
    { name: 'not a Day One export', channel: 'import.dayOne', content: '[1, 2, 3]', field: 'entries', message: /not a Day One journal export/ },
    { name: 'a zip archive', channel: 'import.dayOne', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), message: /zip archive/ },
    { name: 'not UTF-8', channel: 'import.dayOne', content: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), message: /not text/ },
    { name: 'an empty file', channel: 'import.calendar', content: '', message: /empty/ },
    { name: 'too large', channel: 'import.dayOne', content: `"${'x'.repeat(200_001)}"`, message: /larger than 50 MB/ },
    { name: 'not a calendar', channel: 'import.calendar', content: `Dear ${CANARY},\nsee you Monday`, message: /not a calendar/ },
  ]

  for (const bad of cases) {
    it(`${bad.name}: INVALID_IMPORT${bad.field ? ` at ${bad.field}` : ''}`, async () => {
      const path = join(dir, 'bad-file')
      writeFileSync(path, bad.content)
      const { vault } = await newVault({ open: path })
      writeOneOfEverything(vault.core, 'existing')
      const before = digestDatabase(vault.core.vault.db())
      const result = await runImport(vault.handlers, bad.channel === 'import.calendar' ? calendar() : OPTIONS[bad.channel])
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('INVALID_IMPORT')
      expect(result.error.field).toBe(bad.field)
      expect(result.error.message).toMatch(bad.message)
      expect(result.error.message).toMatch(/Nothing was changed\.$/)
      expect(JSON.stringify(result.error)).not.toContain(CANARY)
      expect(digestDatabase(vault.core.vault.db())).toBe(before)
    })
  }

  it('all or nothing: a bad reference at the last item undoes every item before it', async () => {
    const { vault: a } = await newVault({ save: join(dir, 'a.json') })
    writeOneOfEverything(a.core, CANARY)
    await dispatch(a.handlers, 'export.json', { confirmUnencrypted: true })
    const document = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))
    document.data.contacts[0].therapistId = '0195a0b0-0000-7000-8000-00000000dead'
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(document))

    const { vault: b } = await newVault({ open: join(dir, 'broken.json') })
    const before = digestDatabase(b.core.vault.db())
    const result = await runImport(b.handlers, OPTIONS['import.betweenJson'])
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_IMPORT', field: 'data.contacts.0.therapistId' } })
    expect(digestDatabase(b.core.vault.db())).toBe(before)
    expect(b.core.reflections.list({ limit: 10, before: null, tag: null })).toEqual([])
  })

  it('dates outside 1900 to 2199: a Between export is refused with the place, a Day One entry is skipped with its reason', async () => {
    const { vault: a } = await newVault({ save: join(dir, 'a.json') })
    writeOneOfEverything(a.core, CANARY)
    await dispatch(a.handlers, 'export.json', { confirmUnencrypted: true })
    const document = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))
    document.data.sessions[0].startsAt = Date.UTC(1850, 0, 1)
    writeFileSync(join(dir, 'old.json'), JSON.stringify(document))
    const { vault: b, dialogs } = await newVault({ open: join(dir, 'old.json') })
    const before = digestDatabase(b.core.vault.db())
    expect(await runImport(b.handlers, OPTIONS['import.betweenJson'])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_IMPORT', field: 'data.sessions.0.startsAt', message: /a date outside 1900 to 2199/ },
    })
    expect(digestDatabase(b.core.vault.db())).toBe(before)

    writeFileSync(
      join(dir, 'day-one.json'),
      JSON.stringify({ metadata: { version: '1.0' }, entries: [{ uuid: 'x', creationDate: '2250-01-01T00:00:00Z', text: CANARY }, { uuid: 'y', creationDate: '2026-01-01T00:00:00Z', text: 'ok' }] }),
    )
    dialogs.answers.open = join(dir, 'day-one.json')
    const chosen = await dispatch(b.handlers, 'import.choose', OPTIONS['import.dayOne'])
    expect(chosen).toMatchObject({ ok: true, value: { preview: { create: { reflections: 1 }, skipped: [{ reason: 'outside_date_range', count: 1, places: ['entries.0'] }] } } })
  })

  it('a cancelled dialog imports nothing; a locked vault asks for no file', async () => {
    const { vault, dialogs } = await newVault()
    expect(await runImport(vault.handlers, OPTIONS['import.dayOne'])).toEqual({ ok: true, value: { status: 'cancelled' } })
    vault.core.lock('manual')
    dialogs.calls.length = 0
    expect(await runImport(vault.handlers, calendar())).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
    expect(dialogs.calls).toEqual([])
  })
})
