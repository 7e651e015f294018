/**
 * One valid range for every instant (1 January 1900 – 31 December 2199 UTC), enforced where data
 * enters and handled by every reader. Before this range existed, a Day One entry from 1969, a
 * series ending in 2200, a 1970 mood read from a zone west of UTC and `reviewBy: -1` each left
 * the timeline, search or reminders answering INTERNAL for good.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { INSTANT_MAX, INSTANT_MIN } from '../../../src/shared/domain/time/instant-range'
import { digestDatabase } from '../../helpers/db-digest'
import { fakeDialogs } from '../../helpers/fake-ports'
import { readEverything, ZONES } from '../../helpers/read-everything'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'

let vaults: TestVault[] = []
afterEach(() => {
  for (const v of vaults) v.cleanup()
  vaults = []
})

async function newVault(open: string | null = null) {
  const vault = await createTestVault({ dialogs: fakeDialogs({ open }), backupFolder: { get: () => backupDir, set: () => undefined } })
  vaults.push(vault)
  return vault
}
const backupDir = makeTempDir('between-range-backups-')

const dayOne = (dates: string[]) => {
  const file = join(makeTempDir('between-range-'), 'journal.json')
  const entries = dates.map((creationDate, i) => ({ uuid: `E${i}`, creationDate, text: `entry ${i} about the garden`, timeZone: 'America/New_York' }))
  writeFileSync(file, JSON.stringify({ metadata: { version: '1.0' }, entries }))
  return file
}

describe('the valid range of instants', () => {
  /** Choose a file and apply its preview; returns the preview's skipped list. */
  async function importAll(vault: TestVault, options: Record<string, unknown>) {
    const chosen = await dispatch(vault.handlers, 'import.choose', options)
    if (!chosen.ok) throw new Error(chosen.error.code)
    const preview = (chosen.value as { preview: { planId: string; skipped: Array<{ reason: string; places: string[] }> } }).preview
    const applied = await dispatch(vault.handlers, 'import.apply', { planId: preview.planId, options })
    expect(applied).toMatchObject({ ok: true })
    return preview.skipped
  }

  it('imports Day One entries from 1900 to 2199 and every reader answers ok', async () => {
    const vault = await newVault(dayOne(['1969-12-31T23:00:00Z', '1900-01-01T00:00:00Z', '2199-12-31T23:59:59Z', '1955-06-01T12:00:00Z']))
    expect(await importAll(vault, { kind: 'dayOne' })).toEqual([])
    expect(await readEverything(vault.handlers, { backup: true, searchWord: 'garden' })).toEqual([])
    const page = await dispatch(vault.handlers, 'timeline.page', { limit: 10 })
    expect(page.ok && (page.value as { items: unknown[]; skipped: number })).toMatchObject({ skipped: 0 })
    expect(page.ok && (page.value as { items: unknown[] }).items).toHaveLength(4)
  })

  it('leaves out a Day One entry outside the range, naming it in the preview, and writes nothing until asked', async () => {
    const vault = await newVault(dayOne(['2001-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2200-01-01T00:00:00Z']))
    const before = digestDatabase(vault.core.vault.db())
    const chosen = await dispatch(vault.handlers, 'import.choose', { kind: 'dayOne' })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
    const skipped = chosen.ok ? (chosen.value as { preview: { skipped: Array<{ count: number; places: string[] }> } }).preview.skipped : []
    expect(skipped.flatMap((s) => s.places)).toEqual(expect.arrayContaining([expect.stringContaining('1'), expect.stringContaining('2')]))
    expect(skipped.reduce((n, s) => n + s.count, 0)).toBe(2)
    expect(await importAll(vault, { kind: 'dayOne' })).toHaveLength(skipped.length)
    expect(vault.core.reflections.list({ limit: 10, before: null, tag: null })).toHaveLength(1)
    expect(await readEverything(vault.handlers)).toEqual([])
  })

  it('leaves out a calendar event outside the range, with its place, and imports the rest', async () => {
    const file = join(makeTempDir('between-range-'), 'cal.ics')
    const event = (uid: string, day: string) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', `DTSTART:${day}T100000Z`, `DTEND:${day}T110000Z`, 'SUMMARY:Session', 'END:VEVENT']
    writeFileSync(file, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN', ...event('old', '18991231'), ...event('now', '20260301'), 'END:VCALENDAR', ''].join('\r\n'))
    const vault = await newVault(file)
    const options = { kind: 'calendar', calendar: { timeZone: 'UTC', pastMonths: 1200 } }
    const skipped = await importAll(vault, options)
    expect(skipped.reduce((n, s) => n + s.places.length, 0)).toBeGreaterThanOrEqual(1)
    expect(vault.core.sessions.list({ from: null, to: null, therapistId: null, limit: 10 })).toHaveLength(1)
    expect(await readEverything(vault.handlers)).toEqual([])
  })

  it('checks every occurrence of a series before writing any', async () => {
    const vault = await newVault()
    const startsAt = Date.UTC(2199, 11, 28, 17)
    const result = await dispatch(vault.handlers, 'sessions.createSeries', { startsAt, timeZone: 'Europe/London', repeat: 'weekly', count: 2 })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'count' } })
    expect(vault.core.sessions.list({ from: null, to: null, therapistId: null, limit: 100 })).toEqual([])
    expect(await dispatch(vault.handlers, 'sessions.createSeries', { startsAt, timeZone: 'Europe/London', repeat: 'weekly', count: 1 })).toMatchObject({ ok: true })
    expect(await readEverything(vault.handlers)).toEqual([])
  })

  it('buckets moods at both ends of the range in zones west and east of UTC', async () => {
    const vault = await newVault()
    vault.clock.set(INSTANT_MAX) // every session below has happened
    for (const startsAt of [INSTANT_MIN, 0, Date.UTC(1970, 0, 1, 3), INSTANT_MAX - 60 * 60_000]) {
      const created = await dispatch(vault.handlers, 'sessions.create', { startsAt, timeZone: 'UTC', status: 'attended', moodBefore: 2, moodAfter: 4 })
      expect(created).toMatchObject({ ok: true })
    }
    for (const timeZone of ZONES) {
      for (const bucket of ['day', 'week', 'month']) {
        const trend = await dispatch(vault.handlers, 'mood.trend', { timeZone, bucket })
        expect(trend).toMatchObject({ ok: true, value: { skipped: 0 } })
        expect(trend.ok && (trend.value as { buckets: Array<{ count: number }> }).buckets.reduce((n, b) => n + b.count, 0)).toBe(8)
      }
    }
  })

  it('takes review dates and agreement dates in the range only; reminders keep answering', async () => {
    const vault = await newVault()
    const therapist = vault.core.therapists.create({ name: 'Dr Ash', contacts: [], timeZone: 'UTC', officeHours: [] } as never)
    const rule = (reviewBy: number) => ({ therapistId: therapist.id, severity: 'info', agreementText: '', agreedOn: null, reviewBy, active: true, body: { kind: 'custom_confirm', params: { prompt: 'Is this for the session?', purposes: [] } } })
    expect(await dispatch(vault.handlers, 'rules.create', rule(INSTANT_MIN - 1))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'reviewBy' } })
    expect(await dispatch(vault.handlers, 'rules.create', { ...rule(0), agreedOn: INSTANT_MAX + 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'agreedOn' } })
    const created = await dispatch(vault.handlers, 'rules.create', rule(-1))
    expect(created).toMatchObject({ ok: true })
    expect(await dispatch(vault.handlers, 'reminders.setSettings', { draftReady: true, sessionTomorrow: true, ruleReview: true, reflectionPrompt: { enabled: true, time: '20:00', timeZone: 'America/Los_Angeles' } })).toMatchObject({ ok: true })
    expect(await readEverything(vault.handlers)).toEqual([])
  })

  it('refuses instants outside the range in every input schema that takes one', async () => {
    const vault = await newVault()
    for (const startsAt of [INSTANT_MIN - 1, INSTANT_MAX + 1, -8.64e15, 1.5]) {
      expect(await dispatch(vault.handlers, 'sessions.create', { startsAt, timeZone: 'UTC' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'startsAt' } })
    }
    expect(await dispatch(vault.handlers, 'contacts.create', { therapistId: null, at: INSTANT_MAX + 1, direction: 'to_therapist', channel: 'email', purpose: 'admin', summary: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
