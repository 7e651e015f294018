/**
 * Contact hours that cross midnight (20:00–02:00): the earliest time the engine answers is inside
 * a window and no minute before it is, checked against Intl's wall time minute by minute, around
 * the clock changes of four zones (Santiago's happen at midnight itself).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Rule, WeeklyWindow } from '../rules/rule-kinds'
import { weeklyWindowSchema } from '../rules/rule-kinds'
import { evaluateContact } from './evaluate'
import { rule, THERAPIST } from './test-fixtures'
import { inWindows, TRANSITIONS } from './wall-clock-checker'

const MIN = 60_000
const DAY = 24 * 60 * MIN
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** Windows that open in the evening and close after midnight, often around 00:00–03:00. */
const overnightArb: fc.Arbitrary<WeeklyWindow> = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    start: fc.oneof(fc.integer({ min: 17 * 60, max: 23 * 60 + 45 }), fc.constantFrom(20 * 60, 22 * 60, 23 * 60 + 30)),
    end: fc.oneof(fc.integer({ min: 0, max: 6 * 60 }), fc.constantFrom(0, 60, 90, 120, 150, 180)),
  })
  .map(({ days, start, end }) => ({ days, start: hhmm(start), end: hhmm(end) }))

const hoursRule = (windows: WeeklyWindow[]): Rule => rule('contact_hours', { windows, exemptPurposes: [], exemptChannels: [] }, { id: 'hours' })

const check = (zone: string, now: number, windows: WeeklyWindow[]) =>
  evaluateContact({
    now,
    personZone: zone,
    therapist: { ...THERAPIST, timeZone: zone },
    request: { purpose: 'update', channel: 'phone' },
    rules: [hoursRule(windows)],
    sessions: [],
    contacts: [],
    absences: [],
    events: [],
    crisisPlan: null,
  })

describe('contact hours across midnight', () => {
  it('are a valid window: 20:00–02:00 is accepted, a window that starts and ends together is not', () => {
    expect(weeklyWindowSchema.safeParse({ days: [5], start: '20:00', end: '02:00' }).success).toBe(true)
    expect(weeklyWindowSchema.safeParse({ days: [5], start: '20:00', end: '20:00' }).success).toBe(false)
    expect(weeklyWindowSchema.safeParse({ days: [5], start: '24:00', end: '02:00' }).success).toBe(false)
  })

  it('Friday 20:00–02:00 runs into Saturday morning and no further', () => {
    const windows = [{ days: [5], start: '20:00', end: '02:00' }]
    const saturday1am = Date.UTC(2026, 0, 10, 1, 0) // Saturday, London in winter = UTC
    expect(check('Europe/London', saturday1am, windows).verdict.kind).toBe('send')
    const saturday3am = Date.UTC(2026, 0, 10, 3, 0)
    const later = check('Europe/London', saturday3am, windows)
    expect(later.verdict).toEqual({ kind: 'wait_until', at: Date.UTC(2026, 0, 16, 20, 0) })
    expect(later.lines[0]?.message).toContain('the next day')
  })

  for (const zone of Object.keys(TRANSITIONS)) {
    it(`${zone}: the earliest time is the first minute inside a window, across clock changes`, () => {
      const nearChange = fc
        .tuple(fc.constantFrom(...(TRANSITIONS[zone] as number[])), fc.integer({ min: -3 * DAY, max: 3 * DAY }))
        .map(([t, d]) => t + d)
      fc.assert(
        fc.property(nearChange, fc.array(overnightArb, { minLength: 1, maxLength: 2 }), (now, windows) => {
          const at = check(zone, now, windows).earliestAt
          expect(at).not.toBeNull()
          expect(inWindows(zone, at as number, windows)).toBe(true)
          if ((at as number) > now) {
            expect(inWindows(zone, now, windows)).toBe(false)
            for (let t = Math.ceil(now / MIN) * MIN; t < (at as number); t += MIN) expect(inWindows(zone, t, windows)).toBe(false)
          }
        }),
        { numRuns: 60 },
      )
    })
  }
})
