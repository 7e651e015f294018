/** The verdict precedence: crisis → covering → channel → session → wait → confirm → send. */
import { describe, expect, it } from 'vitest'
import type { Rule } from '../rules/rule-kinds'
import { evaluateContact } from './evaluate'
import { rule, utc } from './test-fixtures'
import type { ContactCheckInput, VerdictKind } from './types'
import { VERDICT_PRECEDENCE, contactCheckResultSchema } from './types'

// Wednesday 11 March 2026, 20:00 London: outside contact hours, a day after Tuesday's session.
const NOW = utc(2026, 3, 11, 20)
const data: Omit<ContactCheckInput, 'now' | 'request' | 'rules'> = {
  personZone: 'Europe/London',
  therapist: { id: 't1', name: 'Sam', timeZone: 'Europe/London' },
  sessions: [
    { id: 's1', startsAt: utc(2026, 3, 10, 17), durationMinutes: 50, status: 'attended' },
    { id: 's2', startsAt: utc(2026, 3, 12, 17), durationMinutes: 50, status: 'scheduled' },
  ],
  contacts: [],
  absences: [
    {
      id: 'a1',
      startsAt: utc(2026, 3, 11),
      endsAt: utc(2026, 3, 13),
      coveringName: 'Dr Lee',
      coveringContact: '0100',
    },
  ],
  events: [],
  crisisPlan: {
    steps: ['Breathe slowly for two minutes'],
    people: [{ name: 'Ana', phone: '0101', role: '' }],
    crisisLines: [{ name: 'Samaritans', phone: '116 123', url: '' }],
    emergencyNumber: '999',
  },
}

const away = () => rule('therapist_away', { coverPurposes: ['concern'] })
const channel = () =>
  rule('channel_for_purpose', {
    allowed: [{ purposes: ['concern', 'update'], channels: ['portal'] }],
    never: ['social'],
  })
const session = () => rule('clinical_in_session', { purposes: ['concern', 'update'] })
const hours = () => rule('contact_hours')
const confirm = () => rule('custom_confirm', { prompt: 'I have waited an hour' })

const cases: Array<[string, () => Rule[], VerdictKind]> = [
  [
    'covering beats everything below it',
    () => [confirm(), hours(), session(), channel(), away()],
    'covering_clinician',
  ],
  [
    'another channel beats session, wait, confirm',
    () => [confirm(), hours(), session(), channel()],
    'use_other_channel',
  ],
  ['session beats wait and confirm', () => [confirm(), hours(), session()], 'bring_to_session'],
  ['wait beats confirm', () => [confirm(), hours()], 'wait_until'],
  ['confirm beats send', () => [confirm()], 'confirm'],
  ['nothing unmet: send', () => [], 'send'],
]

describe('verdict precedence', () => {
  it.each(cases)('%s', (_name, rules, expected) => {
    const res = evaluateContact({
      ...data,
      now: NOW,
      request: { purpose: 'concern', channel: 'email' },
      rules: rules(),
    })
    expect(res.verdict.kind).toBe(expected)
    expect(contactCheckResultSchema.safeParse(res).success).toBe(true)
  })

  it('lists the precedence strongest first', () => {
    expect(VERDICT_PRECEDENCE).toEqual([
      'crisis_plan',
      'covering_clinician',
      'use_other_channel',
      'bring_to_session',
      'wait_until',
      'confirm',
      'send',
    ])
  })

  it('the crisis purpose returns the plan first, whatever is configured', () => {
    const rules = [
      confirm(),
      hours(),
      session(),
      channel(),
      away(),
      rule('buffer_after_session', { exemptPurposes: [] }),
    ]
    const res = evaluateContact({
      ...data,
      now: NOW,
      request: { purpose: 'crisis', channel: 'social' },
      rules,
    })
    expect(res.verdict).toEqual({
      kind: 'crisis_plan',
      plan: data.crisisPlan,
      covering: { name: 'Dr Lee', contact: '0100', until: utc(2026, 3, 13) },
    })
    expect(res.headline).toBe('Your safety comes first. Here is your crisis plan.')
    expect(res.overridableRuleIds).toEqual([])
    expect(res.lines.every((l) => l.status === 'pass')).toBe(true)
    expect(res.earliestAt).toBe(NOW)
  })

  it('the crisis purpose without a plan still points at emergency help', () => {
    const res = evaluateContact({
      ...data,
      crisisPlan: null,
      absences: [],
      now: NOW,
      request: { purpose: 'crisis', channel: 'phone' },
      rules: [],
    })
    expect(res.verdict).toEqual({ kind: 'crisis_plan', plan: null, covering: null })
    expect(res.headline).toMatch(/call your local emergency number/)
  })

  it('warn and info rules speak but never change the verdict', () => {
    const rules: Rule[] = [hours(), session(), channel(), confirm()].map((r) => ({
      ...r,
      severity: 'warn',
    }))
    rules.push({ ...away(), severity: 'info' })
    const res = evaluateContact({
      ...data,
      now: NOW,
      request: { purpose: 'concern', channel: 'email' },
      rules,
    })
    expect(res.verdict.kind).toBe('send')
    expect(res.lines.map((l) => l.status)).toEqual(['warn', 'warn', 'warn', 'warn', 'info'])
    expect(res.overridableRuleIds).toEqual([])
    expect(res.earliestAt).toBe(NOW)
  })

  it('going ahead anyway overrides exactly the unmet blocking rules', () => {
    const rules = [hours(), confirm(), rule('length_cap')]
    const res = evaluateContact({
      ...data,
      now: NOW,
      request: { purpose: 'concern', channel: 'portal', draftText: 'short' },
      rules,
    })
    expect(res.overridableRuleIds).toEqual([rules[0]!.id, rules[1]!.id])
  })

  it('the length cap and the agreed channels combine', () => {
    const rules = [
      channel(),
      rule('length_cap', { maxChars: 10, alternatives: ['phone', 'portal'] }),
    ]
    const res = evaluateContact({
      ...data,
      absences: [],
      now: utc(2026, 3, 11, 10),
      request: { purpose: 'update', channel: 'email', draftText: 'a long enough draft' },
      rules,
    })
    expect(res.verdict).toEqual({ kind: 'use_other_channel', channels: ['portal'] })
  })

  it('when the length advice and the agreed channels disagree, the agreed ones win', () => {
    const rules = [channel(), rule('length_cap', { maxChars: 10, alternatives: ['phone'] })]
    const res = evaluateContact({
      ...data,
      absences: [],
      now: utc(2026, 3, 11, 10),
      request: { purpose: 'update', channel: 'email', draftText: 'a long enough draft' },
      rules,
    })
    expect(res.verdict).toEqual({ kind: 'use_other_channel', channels: ['portal'] })
  })

  it('no time in the next 60 days: says so, with the rules that conflict', () => {
    const rules = [
      rule(
        'contact_hours',
        { windows: [{ days: [6], start: '09:00', end: '10:00' }] },
        { id: 'saturday-only' },
      ),
      rule('therapist_away', {}, { id: 'away' }),
    ]
    const long = {
      id: 'a2',
      startsAt: utc(2026, 3, 1),
      endsAt: utc(2026, 6, 1),
      coveringName: '',
      coveringContact: '',
    }
    const res = evaluateContact({
      ...data,
      absences: [long],
      now: NOW,
      request: { purpose: 'update', channel: 'portal' },
      rules,
    })
    expect(res.verdict).toEqual({ kind: 'wait_until', at: null })
    expect(res.earliestAt).toBeNull()
    expect(res.noTimeWithinHorizon?.conflictingRuleIds).toContain('away')
    expect(res.headline).toMatch(/No time in the next 60 days/)
  })
})
