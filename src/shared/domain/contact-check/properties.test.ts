/**
 * Property tests over random rule sets, contact logs, sessions, zones and instants:
 * (a) re-checking at the returned earliest moment shows no timing failure;
 * (b) at any instant before it, the verdict is not "send" for the same request;
 * (c) the crisis purpose always returns the crisis plan first;
 * (d) contact-hours answers fall inside a window in the therapist's zone, checked against Intl
 *     directly, around the clock changes of New York, London and Lord Howe (30 minutes).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Rule, RuleBody, WeeklyWindow } from '../rules/rule-kinds'
import { TIMING_KINDS, ruleBodySchema } from '../rules/rule-kinds'
import { CHANNELS, PURPOSES, SEVERITIES } from '../vocabulary'
import type { Purpose } from '../vocabulary'
import { evaluateContact } from './evaluate'
import type {
  CheckAbsence,
  CheckContact,
  CheckSession,
  ContactCheckInput,
  ContactRequest,
} from './types'
import { contactCheckResultSchema } from './types'
import { inWindows, TRANSITIONS } from './wall-clock-checker'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const THERAPIST_ID = 't1'

const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
  'Pacific/Auckland',
  'America/Santiago',
]
/** Clock changes in 2026 (UTC instants) of the zones under test. */
const ALL_TRANSITIONS = Object.values(TRANSITIONS).flat()

const nonCrisis = PURPOSES.filter((p) => p !== 'crisis')
const purposeArb = fc.constantFrom(...nonCrisis)
const purposesArb = (min = 0) =>
  fc.uniqueArray(fc.constantFrom(...nonCrisis), { minLength: min, maxLength: 4 })
const channelsArb = (min = 0) =>
  fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: min, maxLength: 4 })
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** Windows, often placed around 01:00–03:00 where clocks change. */
const windowArb: fc.Arbitrary<WeeklyWindow> = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    start: fc.oneof(fc.integer({ min: 0, max: 1425 }), fc.constantFrom(60, 90, 120, 135, 150, 180)),
    length: fc.oneof(fc.integer({ min: 15, max: 900 }), fc.constantFrom(15, 30, 45, 60)),
  })
  .map(({ days, start, length }) => ({
    days,
    start: hhmm(start),
    end: hhmm(Math.min(1440, start + length)),
  }))

const bodyArb: fc.Arbitrary<RuleBody> = fc.oneof(
  fc.record({
    kind: fc.constant('buffer_after_session' as const),
    params: fc.record({ hours: fc.integer({ min: 1, max: 96 }), exemptPurposes: purposesArb() }),
  }),
  fc.record({
    kind: fc.constant('contact_hours' as const),
    params: fc.record({
      windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
      exemptPurposes: purposesArb().map((p) => p.slice(0, 1)),
      exemptChannels: channelsArb().map((c) => c.slice(0, 1)),
    }),
  }),
  fc.record({
    kind: fc.constant('channel_for_purpose' as const),
    params: fc.record({
      allowed: fc.array(fc.record({ purposes: purposesArb(1), channels: channelsArb(1) }), {
        maxLength: 3,
      }),
      never: channelsArb().map((c) => c.slice(0, 2)),
    }),
  }),
  fc.record({
    kind: fc.constant('clinical_in_session' as const),
    params: fc.record({ purposes: purposesArb(1) }),
  }),
  fc.record({
    kind: fc.constant('frequency_cap' as const),
    params: fc.record({
      max: fc.integer({ min: 1, max: 3 }),
      period: fc.constantFrom('day' as const, 'week' as const),
      counting: fc.constantFrom('calendar' as const, 'rolling' as const),
      purposes: purposesArb(),
    }),
  }),
  fc.record({
    kind: fc.constant('length_cap' as const),
    params: fc.record({
      maxChars: fc.integer({ min: 5, max: 200 }),
      channels: channelsArb(1),
      alternatives: channelsArb(1),
    }),
  }),
  fc.record({
    kind: fc.constant('response_expectation' as const),
    params: fc.oneof(
      fc.record({
        amount: fc.integer({ min: 1, max: 72 }),
        unit: fc.constant('hours' as const),
        purposes: purposesArb(),
      }),
      fc.record({
        amount: fc.integer({ min: 1, max: 4 }),
        unit: fc.constant('business_days' as const),
        purposes: purposesArb(),
      }),
    ),
  }),
  fc.record({
    kind: fc.constant('wait_for_next_session' as const),
    params: fc.record({
      withinDays: fc.integer({ min: 1, max: 5 }),
      exemptPurposes: purposesArb(),
    }),
  }),
  fc.record({
    kind: fc.constant('journal_first' as const),
    params: fc.record({ withinHours: fc.integer({ min: 1, max: 48 }), purposes: purposesArb() }),
  }),
  fc.record({
    kind: fc.constant('therapist_away' as const),
    params: fc.record({ coverPurposes: purposesArb(), note: fc.constant('') }),
  }),
  fc.record({
    kind: fc.constant('pause_after_event' as const),
    params: fc.record({
      hours: fc.integer({ min: 1, max: 72 }),
      purposes: purposesArb(),
      alternative: fc.constant('Call a friend'),
    }),
  }),
  fc.record({
    kind: fc.constant('worksheet' as const),
    params: fc.record({ questions: fc.constant(['What happened?']), purposes: purposesArb() }),
  }),
  fc.record({
    kind: fc.constant('custom_confirm' as const),
    params: fc.record({ prompt: fc.constant('I have waited'), purposes: purposesArb() }),
  }),
) as fc.Arbitrary<RuleBody>

const TIMING_SET = new Set<string>(TIMING_KINDS)
const timingBodyArb = bodyArb.filter((b) => TIMING_SET.has(b.kind))

const rulesOf = (
  body: fc.Arbitrary<RuleBody>,
  severity: fc.Arbitrary<Rule['severity']>,
): fc.Arbitrary<Rule[]> =>
  fc
    .array(
      fc.record({
        body,
        severity,
        active: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
        agreedOn: fc.option(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 0, 1) }), {
          nil: null,
        }),
      }),
      { minLength: 1, maxLength: 10 },
    )
    .map(
      (xs) =>
        xs.map((x, i) => ({
          ...x.body,
          id: `r${i}`,
          therapistId: THERAPIST_ID,
          version: 1,
          severity: x.severity,
          agreementText: i % 3 === 0 ? 'As we agreed' : '',
          agreedOn: x.agreedOn,
          reviewBy: null,
          active: x.active,
        })) as Rule[],
    )

/** Any kinds, any severities. */
const rulesArb = rulesOf(bodyArb, fc.constantFrom(...SEVERITIES, 'block', 'block'))
/** Only timing kinds, mostly blocking: the solver has work to do. */
const timingRulesArb = rulesOf(timingBodyArb, fc.constantFrom('block', 'block', 'block', 'warn'))

/** Instants: anywhere in 2026, or within a few days of a clock change. */
const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
  fc
    .tuple(fc.constantFrom(...ALL_TRANSITIONS), fc.integer({ min: -4 * DAY, max: 4 * DAY }))
    .map(([t, d]) => t + d),
)

interface World {
  now: number
  personZone: string
  therapistZone: string
  rules: Rule[]
  sessions: CheckSession[]
  contacts: CheckContact[]
  absences: CheckAbsence[]
  events: { at: number }[]
  reflections: { createdAt: number }[]
  request: ContactRequest
}

const around = (span: [number, number]) => fc.integer({ min: span[0], max: span[1] })

const worldWith = (rules: fc.Arbitrary<Rule[]>): fc.Arbitrary<World> =>
  instantArb.chain((now) =>
    fc.record({
      now: fc.constant(now),
      personZone: fc.constantFrom(...ZONES),
      therapistZone: fc.constantFrom(...ZONES),
      rules,
      sessions: fc.array(
        fc.record({
          id: fc.uuid(),
          startsAt: around([-10 * DAY, 10 * DAY]).map((d) => now + d),
          durationMinutes: fc.constantFrom(50, 60, 90),
          status: fc.constantFrom(
            'scheduled' as const,
            'attended' as const,
            'cancelled' as const,
            'missed' as const,
          ),
        }),
        { maxLength: 5 },
      ),
      contacts: fc.array(
        fc.record({
          direction: fc.constantFrom('sent' as const, 'sent' as const, 'received' as const),
          channel: fc.constantFrom(...CHANNELS),
          purpose: fc.constantFrom(...PURPOSES),
          at: around([-14 * DAY, 2 * DAY]).map((d) => now + d),
          matterKey: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
        }),
        { maxLength: 25 },
      ),
      absences: fc.array(
        fc
          .record({
            id: fc.uuid(),
            startsAt: around([-10 * DAY, 20 * DAY]).map((d) => now + d),
            length: fc.integer({ min: HOUR, max: 20 * DAY }),
            coveringName: fc.constantFrom('', 'Dr Lee'),
            coveringContact: fc.constantFrom('', '0100'),
          })
          .map(({ length, ...a }) => ({ ...a, endsAt: a.startsAt + length })),
        { maxLength: 2 },
      ),
      events: fc.array(fc.record({ at: around([-3 * DAY, DAY]).map((d) => now + d) }), {
        maxLength: 3,
      }),
      reflections: fc.array(fc.record({ createdAt: around([-3 * DAY, 0]).map((d) => now + d) }), {
        maxLength: 2,
      }),
      request: fc.record(
        {
          purpose: purposeArb as fc.Arbitrary<Purpose>,
          channel: fc.constantFrom(...CHANNELS),
          draftText: fc.constantFrom(
            'Thank you',
            'x'.repeat(120),
            'A longer note about the week. '.repeat(12),
          ),
          journaled: fc.boolean(),
          worksheetAnswered: fc.boolean(),
          confirmedItems: fc.subarray(['r0', 'r1', 'r2', 'r3']),
          matterKey: fc.constantFrom('a', 'b'),
        },
        { requiredKeys: ['purpose', 'channel'] },
      ),
    }),
  )

const worldArb = fc.oneof(worldWith(rulesArb), worldWith(timingRulesArb))

function toInput(w: World, now = w.now, request = w.request): ContactCheckInput {
  return {
    now,
    personZone: w.personZone,
    therapist: { id: THERAPIST_ID, name: 'Sam', timeZone: w.therapistZone },
    request,
    rules: w.rules,
    sessions: w.sessions,
    contacts: w.contacts,
    absences: w.absences,
    events: w.events,
    reflections: w.reflections,
    crisisPlan: {
      steps: ['Breathe'],
      people: [],
      crisisLines: [{ name: 'Line', phone: '116 123', url: '' }],
      emergencyNumber: '999',
    },
  }
}

const TIMING = new Set<string>(TIMING_KINDS)

describe('contact check properties', () => {
  it('generated rules are valid rules', () => {
    fc.assert(
      fc.property(rulesArb, (rules) =>
        rules.every((r) => ruleBodySchema.safeParse({ kind: r.kind, params: r.params }).success),
      ),
    )
  })

  it('(a) re-checking at the earliest moment shows no timing failure', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const first = evaluateContact(toInput(w))
        expect(contactCheckResultSchema.safeParse(first).success).toBe(true)
        for (const line of first.lines) expect(line.message).not.toMatch(/!/)
        if (first.earliestAt === null) return
        expect(first.earliestAt).toBeGreaterThanOrEqual(w.now)
        const again = evaluateContact(toInput(w, first.earliestAt))
        const timingFailures = again.lines.filter((l) => TIMING.has(l.kind) && l.status === 'fail')
        expect(timingFailures).toEqual([])
        expect(again.earliestAt).toBe(first.earliestAt)
        expect(again.verdict.kind).not.toBe('wait_until')
      }),
      { numRuns: 400 },
    )
  })

  it('(b) at any instant before the earliest moment the verdict is not "send"', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
          minLength: 1,
          maxLength: 4,
        }),
        (w, fractions) => {
          const first = evaluateContact(toInput(w))
          const end = first.earliestAt ?? w.now + 60 * DAY
          if (end === w.now) return
          const probes = [
            ...fractions.map((f) => w.now + Math.floor(f * (end - w.now))),
            end - 1,
            end - MIN,
          ].filter((t) => t >= w.now && t < end)
          for (const t of probes) {
            const res = evaluateContact(toInput(w, t))
            expect(res.verdict.kind, `at ${new Date(t).toISOString()}`).not.toBe('send')
            expect(res.lines.some((l) => TIMING.has(l.kind) && l.status === 'fail')).toBe(true)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('(c) the crisis purpose always returns the crisis plan first', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const res = evaluateContact(toInput(w, w.now, { ...w.request, purpose: 'crisis' }))
        expect(res.verdict.kind).toBe('crisis_plan')
        expect(res.verdict.kind === 'crisis_plan' && res.verdict.plan?.emergencyNumber).toBe('999')
        expect(res.overridableRuleIds).toEqual([])
        expect(res.earliestAt).toBe(w.now)
      }),
      { numRuns: 200 },
    )
  })

  describe('(d) contact-hours answers fall inside a window in the therapist’s zone', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe']) {
      it(`${zone}, across its transitions`, () => {
        const nearChange = fc
          .tuple(
            fc.constantFrom(...(TRANSITIONS[zone] as number[])),
            fc.integer({ min: -3 * DAY, max: 3 * DAY }),
          )
          .map(([t, d]) => t + d)
        fc.assert(
          fc.property(
            nearChange,
            fc.array(windowArb, { minLength: 1, maxLength: 3 }),
            fc.constantFrom(...ZONES),
            (now, windows, personZone) => {
              const r = {
                kind: 'contact_hours',
                params: { windows, exemptPurposes: [], exemptChannels: [] },
                id: 'hours',
                therapistId: THERAPIST_ID,
                version: 1,
                severity: 'block',
                agreementText: '',
                agreedOn: null,
                reviewBy: null,
                active: true,
              } as Rule
              const res = evaluateContact({
                now,
                personZone,
                therapist: { id: THERAPIST_ID, name: 'Sam', timeZone: zone },
                request: { purpose: 'update', channel: 'portal' },
                rules: [r],
                sessions: [],
                contacts: [],
                absences: [],
                events: [],
                crisisPlan: null,
              })
              expect(res.earliestAt).not.toBeNull()
              const at = res.earliestAt as number
              expect(inWindows(zone, at, windows)).toBe(true)
              // Nothing earlier: every minute from now to the answer is outside the windows.
              if (at > now) {
                expect(inWindows(zone, now, windows)).toBe(false)
                for (let t = Math.ceil(now / MIN) * MIN; t < at; t += MIN)
                  expect(inWindows(zone, t, windows)).toBe(false)
              }
            },
          ),
          { numRuns: 60 },
        )
      })
    }
  })
})
