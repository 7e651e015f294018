/**
 * Importing a calendar again: nothing new from the same file; an updated calendar updates the
 * sessions it created, except ones the person edited since (the preview counts them and asks);
 * and, for any generated calendar, importing twice leaves the
 * same vault as importing once.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { digestDatabase } from '../../helpers/db-digest'
import { fakeDialogs } from '../../helpers/fake-ports'
import { importOptionsSchema } from '../../../src/shared/ipc/schemas/import'
import { sessionDigest } from '../../../src/main/core/import/calendar/calendar-plan'
import { createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

let vaults: TestVault[] = []
let dir: string
beforeEach(() => {
  dir = makeTempDir('between-import-again-')
})
afterEach(() => {
  for (const v of vaults) v.cleanup()
  vaults = []
  rmSync(dir, { recursive: true, force: true })
})

async function newVault() {
  const dialogs = fakeDialogs()
  const vault = await createTestVault({ dialogs })
  vaults.push(vault)
  return { vault, dialogs }
}

const options = (choices: Record<string, unknown> = {}) => ({ kind: 'calendar' as const, calendar: { timeZone: 'Europe/London', ...choices } })

async function importText(vault: TestVault, dialogs: ReturnType<typeof fakeDialogs>, text: string, choices: Record<string, unknown> = {}) {
  const path = join(dir, `c${Math.random().toString(36).slice(2)}.ics`)
  writeFileSync(path, text)
  dialogs.answers.open = path
  const chosen = await dispatch(vault.handlers, 'import.choose', options(choices))
  if (!chosen.ok) throw new Error(`choose failed: ${chosen.error.message}`)
  const { preview } = chosen.value as { preview: { planId: string; edited: number; update: number } }
  const applied = await dispatch(vault.handlers, 'import.apply', { planId: preview.planId, options: options(choices) })
  if (!applied.ok) throw new Error(`apply failed: ${applied.error.message}`)
  return { preview, result: applied.value as { created: { sessions: number }; updated: number } }
}

const calendarOf = (events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR', ''].join('\r\n')
const event = (uid: string, start: string, extra: string[] = []) => ['BEGIN:VEVENT', `UID:${uid}`, `DTSTART:${start}`, 'DURATION:PT50M', ...extra, 'END:VEVENT'].join('\r\n')

describe('importing a calendar again', () => {
  it('updates what it created, keeps what the person edited unless told otherwise', async () => {
    const { vault, dialogs } = await newVault()
    const first = calendarOf([event('a', '20260310T100000Z', ['SUMMARY:A']), event('b', '20260311T100000Z', ['SUMMARY:B'])])
    expect((await importText(vault, dialogs, first)).result.created.sessions).toBe(2)
    const [a, b] = vault.core.sessions.list({ from: null, to: null, therapistId: null, limit: 10 }).sort((x, y) => x.startsAt - y.startsAt)
    if (!a || !b) throw new Error('two sessions expected')
    vault.core.sessions.update({ id: b.id, patch: { notes: 'My own words' } })

    // Both moved by an hour in the calendar.
    const moved = calendarOf([event('a', '20260310T110000Z', ['SUMMARY:A']), event('b', '20260311T110000Z', ['SUMMARY:B'])])
    const kept = await importText(vault, dialogs, moved)
    expect(kept.preview).toMatchObject({ update: 1, edited: 1 })
    expect(vault.core.sessions.get({ id: a.id }).startsAt).toBe(Date.UTC(2026, 2, 10, 11))
    expect(vault.core.sessions.get({ id: b.id })).toMatchObject({ startsAt: Date.UTC(2026, 2, 11, 10), notes: 'My own words' })

    const replaced = await importText(vault, dialogs, moved, { edited: 'update' })
    expect(replaced.result.updated).toBe(1)
    expect(vault.core.sessions.get({ id: b.id }).startsAt).toBe(Date.UTC(2026, 2, 11, 11))

    // A later EXDATE-like cancellation: the series occurrence imported before becomes cancelled.
    const series = (exdate: string[]) => calendarOf([event('s', '20260316T100000Z', ['RRULE:FREQ=WEEKLY;COUNT=3', ...exdate])])
    expect((await importText(vault, dialogs, series([]))).result.created.sessions).toBe(3)
    const cancelled = await importText(vault, dialogs, series(['EXDATE:20260323T100000Z']))
    expect(cancelled.result).toMatchObject({ created: { sessions: 0 }, updated: 1 })
    const statuses = vault.core.sessions.list({ from: Date.UTC(2026, 2, 16), to: null, therapistId: null, limit: 10 }).map((s) => [new Date(s.startsAt).toISOString(), s.status])
    expect(statuses.sort()).toEqual([
      ['2026-03-16T10:00:00.000Z', 'scheduled'],
      ['2026-03-23T10:00:00.000Z', 'cancelled'],
      ['2026-03-30T10:00:00.000Z', 'scheduled'],
    ])
  })
})

describe('sessions imported before titles and places existed (migration 0100)', () => {
  it('the next import moves the title and place out of the notes, without asking; once more changes nothing', async () => {
    const { vault, dialogs } = await newVault()
    const text = calendarOf([event('t', '20260310T100000Z', ['SUMMARY:Weekly session', 'LOCATION:Room 4', 'DESCRIPTION:Bring the diary'])])
    await importText(vault, dialogs, text)
    const db = vault.core.vault.db()
    const [session] = vault.core.sessions.list({ from: null, to: null, therapistId: null, limit: 10 })
    if (!session) throw new Error('a session expected')
    expect(session).toMatchObject({ title: 'Weekly session', location: 'Room 4', notes: 'Imported details (from the calendar)\n\nBring the diary' })
    // As an import before 0100 left it: the title and place in the notes, the digest over those fields.
    const legacy = { ...session, title: null, location: null, notes: 'Imported details (from the calendar)\nTitle: Weekly session\nPlace: Room 4\n\nBring the diary' }
    db.prepare('UPDATE sessions SET title = NULL, location = NULL, notes = ? WHERE id = ?').run(legacy.notes, session.id)
    db.prepare("UPDATE import_sources SET written_digest = ? WHERE external_key LIKE 't%'").run(sessionDigest(legacy))

    const again = await importText(vault, dialogs, text)
    expect(again.preview).toMatchObject({ update: 1, edited: 0 })
    expect(vault.core.sessions.get({ id: session.id })).toMatchObject({ title: 'Weekly session', location: 'Room 4', notes: 'Imported details (from the calendar)\n\nBring the diary' })
    const before = digestDatabase(db)
    const once = await importText(vault, dialogs, text)
    expect(once.preview).toMatchObject({ update: 0, edited: 0 })
    expect(once.result.created.sessions).toBe(0)
    expect(digestDatabase(db)).toBe(before)
  })
})

describe('a preview belongs to its file and its unlocked vault', () => {
  it('after a lock and unlock, or another choice, applying it is refused and nothing is written', async () => {
    const { vault, dialogs } = await newVault()
    writeFileSync(join(dir, 'c.ics'), calendarOf([event('a', '20260310T100000Z')]))
    dialogs.answers.open = join(dir, 'c.ics')
    const full = importOptionsSchema.parse(options())
    const first = await vault.core.imports.choose(full)
    if (first.status !== 'ready') throw new Error('expected a preview')
    const second = await vault.core.imports.choose(full)
    if (second.status !== 'ready') throw new Error('expected a preview')
    expect(await dispatch(vault.handlers, 'import.apply', { planId: first.preview.planId, options: full })).toMatchObject({ ok: false, error: { code: 'INVALID_IMPORT', message: /no longer current/ } })

    vault.core.lock('manual')
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    const before = digestDatabase(vault.core.vault.db())
    expect(await dispatch(vault.handlers, 'import.apply', { planId: second.preview.planId, options: full })).toMatchObject({ ok: false, error: { code: 'INVALID_IMPORT' } })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })
})

const zones = ['Z', 'TZID=Europe/Berlin', 'TZID=W. Europe Standard Time', 'TZID=America/New_York', '']
const generatedEvent = fc.record({
  uid: fc.option(fc.stringMatching(/^[a-z0-9]{1,8}$/), { nil: null }),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
  year: fc.constantFrom(2025, 2026),
  hour: fc.integer({ min: 7, max: 20 }),
  zone: fc.constantFrom(...zones),
  repeat: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  exdateIndex: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  moveIndex: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  allDay: fc.boolean(),
  status: fc.constantFrom('', 'STATUS:CANCELLED', 'STATUS:CONFIRMED'),
  summary: fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n\\;,]/g, ' ')),
})

const pad = (n: number) => String(n).padStart(2, '0')

type GeneratedEvent = typeof generatedEvent extends fc.Arbitrary<infer T> ? T : never

function generatedCalendar(events: GeneratedEvent[]): string {
  const blocks = events.flatMap((e, index) => {
    const date = `${e.year}${pad(e.month)}${pad(e.day)}`
    const time = `${date}T${pad(e.hour)}0000${e.zone === 'Z' ? 'Z' : ''}`
    const param = e.zone === 'Z' || e.zone === '' ? '' : `;${e.zone}`
    const start = e.allDay ? `DTSTART;VALUE=DATE:${date}` : `DTSTART${param}:${time}`
    const uid = e.uid === null ? [] : [`UID:${e.uid}-${index}`]
    const lines = ['BEGIN:VEVENT', ...uid, start, `SUMMARY:${e.summary}`, ...(e.status ? [e.status] : [])]
    if (e.repeat !== null) lines.push(`RRULE:FREQ=WEEKLY;COUNT=${e.repeat}`)
    const nth = (k: number) => {
      const d = new Date(Date.UTC(e.year, e.month - 1, e.day + 7 * k))
      return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(e.hour)}0000`
    }
    if (e.repeat !== null && e.exdateIndex !== null && !e.allDay) lines.push(`EXDATE${param}:${nth(e.exdateIndex)}${e.zone === 'Z' ? 'Z' : ''}`)
    lines.push('END:VEVENT')
    const override =
      e.repeat !== null && e.moveIndex !== null && e.uid !== null && !e.allDay
        ? ['BEGIN:VEVENT', `UID:${e.uid}-${index}`, `RECURRENCE-ID${param}:${time}`, `DTSTART${param}:${date}T${pad(e.hour)}3000${e.zone === 'Z' ? 'Z' : ''}`, 'END:VEVENT']
        : []
    return [...lines, ...override]
  })
  return calendarOf(blocks)
}

describe('property: any generated calendar imported twice gives the same vault as once', () => {
  it('holds for generated calendars (zones, series, exceptions, overrides, all-day, no UID)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generatedEvent, { minLength: 1, maxLength: 6 }), fc.boolean(), async (events, absences) => {
        const { vault, dialogs } = await newVault()
        const therapist = vault.core.therapists.create({ name: 'T', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
        const text = generatedCalendar(events)
        const choices = { therapistId: therapist.id, allDay: absences ? 'absences' : 'skip', pastMonths: 24 }
        await importText(vault, dialogs, text, choices)
        const once = digestDatabase(vault.core.vault.db())
        const again = await importText(vault, dialogs, text, choices)
        expect(again.result.created.sessions).toBe(0)
        expect(again.result.updated).toBe(0)
        expect(digestDatabase(vault.core.vault.db())).toBe(once)
        vault.cleanup()
        vaults = vaults.filter((v) => v !== vault)
      }),
      { numRuns: 12 },
    )
  }, 120_000)
})
