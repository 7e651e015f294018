/**
 * One test per real-world calendar shape (tests/fixtures/imports): the exact sessions, UTC
 * instants, durations, modes, statuses and texts an import plans, read the way the import
 * reads them (readCalendar + planCalendar over an empty vault). The shapes come from RFC 5545,
 * Microsoft's iCalendar extensions and what public issue trackers show breaking (ical.js #257,
 * node-ical #169/#454, ical.net #541/#830, Radicale #1942, DAVx5/synctools #328,
 * open-web-calendar #482).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCalendar } from '../../../src/main/core/import/calendar/calendar'
import { calendarWindow, planCalendar } from '../../../src/main/core/import/calendar/calendar-plan'
import type { ImportLookups, ImportPlan } from '../../../src/main/core/import/import-plan'
import { calendarImportOptions } from '../../../src/shared/ipc/schemas/import'

const FIXTURES = new URL('../../fixtures/imports/', import.meta.url).pathname
const NOW = Date.UTC(2026, 2, 3, 9, 0)
const THERAPIST = '0195a0b0-0000-7000-8000-000000000001'
const emptyVault: ImportLookups = { source: () => undefined, session: () => undefined, therapistExists: () => true }

function plan(file: string, choices: Record<string, unknown> = {}): ImportPlan {
  const options = calendarImportOptions.parse({ timeZone: 'Europe/London', therapistId: THERAPIST, ...choices })
  const parsed = readCalendar(readFileSync(join(FIXTURES, file), 'utf8'), { defaultZone: options.timeZone, window: calendarWindow(NOW, options) })
  return planCalendar(parsed, options, NOW, emptyVault)
}

/** [UTC start, minutes, format, status, zone] per planned session. */
const sessions = (p: ImportPlan) =>
  p.writes.flatMap((w) => (w.op === 'createSession' ? [[new Date(w.session.startsAt).toISOString(), w.session.durationMinutes, w.session.format, w.session.status, w.session.timeZone]] : []))
const notes = (p: ImportPlan) => p.writes.flatMap((w) => (w.op === 'createSession' ? [w.session.notes] : []))
const places = (p: ImportPlan) => p.writes.flatMap((w) => (w.op === 'createSession' ? [[w.session.title, w.session.location]] : []))
const reasons = (p: ImportPlan, list: 'skipped' | 'repairs' = 'skipped') => Object.fromEntries(p.preview[list].map((r) => [r.reason, [r.count, r.places]]))

describe('calendar shapes', () => {
  it('Exchange: a weekly series since 2019 in "W. Europe Standard Time", UTC and local EXDATEs, a moved occurrence, Teams', () => {
    const p = plan('exchange-weekly-since-2019.ics', { pastMonths: 1, aheadMonths: 1 })
    expect(sessions(p)).toEqual([
      ['2026-02-03T15:00:00.000Z', 50, 'video', 'attended', 'Europe/Berlin'],
      ['2026-02-10T15:00:00.000Z', 50, 'video', 'attended', 'Europe/Berlin'],
      // 17 Feb (EXDATE in the series' zone) and 24 Feb (EXDATE in UTC) are taken out
      ['2026-03-03T15:00:00.000Z', 50, 'video', 'scheduled', 'Europe/Berlin'],
      ['2026-03-12T08:00:00.000Z', 50, 'in_person', 'scheduled', 'Europe/Berlin'], // 10 March moved to Thursday, at the practice
      ['2026-03-17T15:00:00.000Z', 50, 'video', 'scheduled', 'Europe/Berlin'],
      ['2026-03-24T15:00:00.000Z', 50, 'video', 'scheduled', 'Europe/Berlin'],
      ['2026-03-31T14:00:00.000Z', 50, 'video', 'scheduled', 'Europe/Berlin'], // 16:00 CEST
    ])
    expect(reasons(p)).toEqual({ before_window: [369, ['line 20']], cancelled_occurrence: [2, ['line 20']] })
    expect(places(p)[3]).toEqual(['Sitzung (verschoben)', 'Praxis, Hauptstr. 5'])
    expect(notes(p)[3]).toBe(
      'Imported details (from the calendar)\n\nMicrosoft Teams-Besprechung\nhttps://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    )
  })

  it('anchors on the import date: the default window is 12 months back and 12 ahead', () => {
    const p = plan('exchange-weekly-since-2019.ics')
    const starts = sessions(p).map((s) => s[0] as string)
    expect(starts[0]).toBe('2025-03-04T15:00:00.000Z')
    expect(starts[starts.length - 1]).toBe('2027-03-02T15:00:00.000Z')
    expect(p.preview.range).toEqual({ from: Date.parse('2025-03-04T15:00:00.000Z'), to: Date.parse('2027-03-02T15:00:00.000Z') })
  })

  it('Google: Meet in X-GOOGLE-CONFERENCE, the first occurrence moved, one cancelled, UNTIL inclusive; all-day as an absence on request', () => {
    const skip = plan('google-meet-series.ics', { aheadMonths: 2 })
    expect(sessions(skip)).toEqual([
      ['2026-03-02T17:00:00.000Z', 50, 'video', 'attended', 'America/New_York'],
      ['2026-03-09T14:00:00.000Z', 50, 'video', 'scheduled', 'America/New_York'],
      ['2026-03-16T14:00:00.000Z', 50, 'video', 'cancelled', 'America/New_York'],
      ['2026-03-23T14:00:00.000Z', 50, 'video', 'scheduled', 'America/New_York'],
    ])
    expect(places(skip)[0]).toEqual(['Therapy with Dr. Lee (moved)', null])
    expect(notes(skip)[0]).toBe('Imported details (from the calendar)\n\nJoin with Google Meet: https://meet.google.com/abc-defg-hij')
    expect(reasons(skip)).toEqual({ all_day: [1, ['line 34']] })
    const absences = plan('google-meet-series.ics', { aheadMonths: 2, allDay: 'absences' }).writes.filter((w) => w.op === 'createAbsence')
    expect(absences).toEqual([
      { op: 'createAbsence', key: 'holiday-1@google.com', therapistId: THERAPIST, startsAt: Date.parse('2026-04-06T04:00:00.000Z'), endsAt: Date.parse('2026-04-11T04:00:00.000Z'), note: 'Dr. Lee away' }, // days in the calendar's zone (X-WR-TIMEZONE)
    ])
  })

  it('OWA: no UID, a fold that lost its space, a stray line, an unreadable event, an unclosed calendar; phone-only place; FREE + "Canceled:"', () => {
    const p = plan('owa-broken-no-uid.ics')
    expect(sessions(p)).toEqual([
      ['2026-02-10T17:00:00.000Z', 50, 'in_person', 'attended', 'Europe/London'], // TZID=/mozilla.org/.../Europe/London
      ['2026-02-20T15:00:00.000Z', 50, 'in_person', 'cancelled', 'Europe/London'],
      ['2026-03-05T15:00:00.000Z', 30, 'phone', 'scheduled', 'Europe/London'],
    ])
    expect(places(p)[2]).toEqual(['Phone check-in', '+44 20 7946 0958'])
    expect(notes(p)[2]).toBe('Imported details (from the calendar)\n\nWe will call you.\nFirst line lost its fold')
    expect(reasons(p)).toEqual({ unreadable_event: [1, ['line 21']] })
    expect(reasons(p, 'repairs')).toEqual({
      joined_line: [1, ['line 11']],
      stray_line: [1, ['line 13']],
      unclosed_block: [1, ['line 1']],
      uid_derived: [2, ['line 4', 'line 14']],
    })
    // The derived identity is stable: the same file gives the same keys.
    expect(plan('owa-broken-no-uid.ics').writes.map((w) => (w.op === 'createSession' ? w.key : ''))).toEqual(p.writes.map((w) => (w.op === 'createSession' ? w.key : '')))
  })

  it('DAVx5/ical4j: TZID=Z on a UTC time and an EXDATE with TZID=UTC; a tel: place', () => {
    expect(sessions(plan('davx5-tzid-z.ics'))).toEqual([
      ['2026-03-02T12:00:00.000Z', 60, 'phone', 'attended', 'Europe/London'],
      ['2026-03-16T12:00:00.000Z', 60, 'phone', 'scheduled', 'Europe/London'],
      ['2026-03-23T12:00:00.000Z', 60, 'phone', 'scheduled', 'Europe/London'],
    ])
  })

  it('Exchange all-day: UID;VALUE=TEXT folded without its space, EXDATE as a local midnight; Skype/Teams flags', () => {
    const p = plan('exchange-allday-exdate.ics', { allDay: 'absences' })
    expect(sessions(p)).toEqual([['2026-03-04T17:00:00.000Z', 50, 'video', 'scheduled', 'Europe/Berlin']])
    const absences = p.writes.flatMap((w) => (w.op === 'createAbsence' ? [[w.key, new Date(w.startsAt).toISOString(), new Date(w.endsAt).toISOString()]] : []))
    const uid = '040000008200E00074C5B7101A82E00800000000EEC911591842DC01000000000000000010000000B97E76DF4F628240A12979217DB47FBA'
    expect(absences).toEqual([
      [`${uid}#2026-03-02T00:00:00.000Z`, '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z'],
      [`${uid}#2026-03-16T00:00:00.000Z`, '2026-03-16T00:00:00.000Z', '2026-03-17T00:00:00.000Z'],
    ])
    expect(reasons(p)).toEqual({ cancelled_occurrence: [1, ['line 5']] })
    // Without a therapist, all-day events cannot become absences: listed, with the reason.
    expect(reasons(plan('exchange-allday-exdate.ics', { allDay: 'absences', therapistId: null }))).toMatchObject({ all_day_needs_therapist: [2, ['line 5']] })
  })

  it('Thunderbird: a prefixed TZID, an override of the first occurrence, a UTC EXDATE, UNTIL in UTC', () => {
    expect(sessions(plan('thunderbird-first-override.ics'))).toEqual([
      ['2026-03-02T09:00:00.000Z', 90, 'in_person', 'attended', 'Europe/Berlin'],
      ['2026-03-09T09:00:00.000Z', 60, 'in_person', 'scheduled', 'Europe/Berlin'],
      ['2026-03-23T09:00:00.000Z', 60, 'in_person', 'scheduled', 'Europe/Berlin'],
      ['2026-03-30T08:00:00.000Z', 60, 'in_person', 'scheduled', 'Europe/Berlin'],
    ])
  })

  it('Apple, Evolution, an unknown TZID and a custom VTIMEZONE: floating times in X-WR-TIMEZONE, a date-only EXDATE, FaceTime', () => {
    const p = plan('apple-evolution-zones.ics')
    expect(sessions(p)).toEqual([
      ['2026-03-05T17:00:00.000Z', 50, 'video', 'scheduled', 'America/Los_Angeles'],
      ['2026-03-06T14:00:00.000Z', 60, 'in_person', 'scheduled', 'Europe/London'],
      ['2026-03-07T10:00:00.000Z', 30, 'in_person', 'scheduled', 'Europe/London'], // "PDT" is no zone: read in the person's, and said so
      ['2026-03-08T12:30:00.000Z', 50, 'in_person', 'scheduled', 'Europe/London'], // the file's own +05:30 zone
      ['2026-03-19T16:00:00.000Z', 50, 'video', 'scheduled', 'America/Los_Angeles'], // after the US change to summer time
    ])
    expect(reasons(p)).toEqual({ cancelled_occurrence: [1, ['line 6']] })
    expect(reasons(p, 'repairs')).toEqual({ zone_guessed: [1, ['line 24']] })
  })

  it('an Outlook published feed: an HTML comment before the calendar, a declined invitation', () => {
    const p = plan('owa-published-feed.ics')
    expect(sessions(p)).toEqual([
      ['2026-02-24T08:00:00.000Z', 50, 'in_person', 'cancelled', 'Europe/London'],
      ['2026-03-10T08:00:00.000Z', 50, 'in_person', 'scheduled', 'Europe/London'],
    ])
    expect(reasons(p, 'repairs')).toEqual({ stray_line: [1, ['line 1']], uid_derived: [1, ['line 7']] })
  })

  it('Outlook: a custom VTIMEZONE (no IANA name) with summer time, a weekly series and a UTC EXDATE after the change', () => {
    expect(sessions(plan('outlook-custom-vtimezone-series.ics'))).toEqual([
      ['2026-03-02T09:00:00.000Z', 50, 'video', 'attended', 'Europe/London'],
      ['2026-03-09T09:00:00.000Z', 50, 'video', 'scheduled', 'Europe/London'],
      ['2026-03-16T09:00:00.000Z', 50, 'video', 'scheduled', 'Europe/London'],
      ['2026-03-23T09:00:00.000Z', 50, 'video', 'scheduled', 'Europe/London'],
      // 30 March 10:00 (+02:00 from the 29th) = 08:00Z: taken out by the UTC EXDATE
      ['2026-04-06T08:00:00.000Z', 50, 'video', 'scheduled', 'Europe/London'],
    ])
  })

  it('a patient portal: the mode said only in the title, a cancelled visit', () => {
    const p = plan('patient-portal.ics')
    expect(sessions(p)).toEqual([
      ['2026-03-12T15:00:00.000Z', 45, 'video', 'scheduled', 'Europe/London'],
      ['2026-03-19T15:00:00.000Z', 45, 'phone', 'scheduled', 'Europe/London'],
      ['2026-03-26T15:00:00.000Z', 50, 'in_person', 'cancelled', 'Europe/London'],
    ])
    expect(places(p)[0]).toEqual(['Video Visit with Jordan Reyes, LCSW', null])
    expect(notes(p)[0]).toBe('Imported details (from the calendar)\n\nPlease log in 15 minutes early.')
  })

  it('past appointments can stay "scheduled" when the person says so', () => {
    expect(sessions(plan('davx5-tzid-z.ics', { pastStatus: 'scheduled' })).map((s) => s[3])).toEqual(['scheduled', 'scheduled', 'scheduled'])
  })
})
