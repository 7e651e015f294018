import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PURPOSES } from '../vocabulary'
import { evaluateContact } from './evaluate'
import { HOUR_MS, input, rule, utc } from './test-fixtures'
import type { CrisisPlanSummary } from './types'

const plan: CrisisPlanSummary = { steps: ['Cold water on my face'], people: [], crisisLines: [{ name: 'Line', phone: '116 123', url: '' }], emergencyNumber: '999' }
const now = utc(2026, 3, 4, 21, 0) // Wednesday, London = UTC in March before the change
const coaching = (hours = 24, purposes: Array<(typeof PURPOSES)[number]> = []) =>
  rule('coaching_before_not_after', { hours, purposes }, { id: 'coach', agreementText: 'Call me before, not after.' })
const hours = rule('contact_hours', { windows: [{ days: [1, 2, 3, 4, 5], start: '20:00', end: '02:00' }] }, { id: 'hours' })

describe('coaching before, not after (DBT)', () => {
  it('before a target behaviour: coaching is what the agreement is for', () => {
    const result = evaluateContact(input(now, { purpose: 'concern', channel: 'phone' }, { rules: [coaching(), hours], crisisPlan: plan }))
    expect(result.verdict).toEqual({ kind: 'send' })
    expect(result.lines.find((l) => l.ruleId === 'coach')).toMatchObject({ status: 'pass', message: expect.stringContaining('before a target behaviour') })
  })

  it('after one: the verdict is the crisis plan first, never "wait", and the line explains the agreement', () => {
    const event = now - 3 * HOUR_MS
    const result = evaluateContact(
      input(now, { purpose: 'concern', channel: 'phone' }, { rules: [coaching(), hours], crisisPlan: plan, events: [{ at: event }] }),
    )
    expect(result.verdict).toEqual({ kind: 'crisis_plan', plan, covering: null })
    const line = result.lines.find((l) => l.ruleId === 'coach')
    expect(line?.status).toBe('fail')
    expect(line?.message).toContain('“Call me before, not after.”')
    expect(line?.message).toContain('crisis plan and medical help come first')
    expect(line?.until).toBe(event + 24 * HOUR_MS)
  })

  it('in the fixpoint solver: the earliest time for coaching is after the pause and inside contact hours', () => {
    const event = now - 3 * HOUR_MS // pause until Thursday 18:00; hours open Thursday 20:00
    const result = evaluateContact(input(now, { purpose: 'update', channel: 'phone' }, { rules: [coaching(), hours], events: [{ at: event }] }))
    expect(result.earliestAt).toBe(utc(2026, 3, 5, 20, 0))
    const atAnswer = evaluateContact(input(result.earliestAt as number, { purpose: 'update', channel: 'phone' }, { rules: [coaching(), hours], events: [{ at: event }] }))
    expect(atAnswer.verdict).toEqual({ kind: 'send' })
  })

  it('never blocks the crisis path, whatever the events, hours and purposes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -48, max: 0 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 96 }),
        fc.subarray([...PURPOSES]),
        (offsets, pause, purposes) => {
          const events = offsets.map((h) => ({ at: now + h * HOUR_MS }))
          const crisis = evaluateContact(input(now, { purpose: 'crisis', channel: 'phone' }, { rules: [coaching(pause, purposes), hours], crisisPlan: plan, events }))
          expect(crisis.verdict).toEqual({ kind: 'crisis_plan', plan, covering: null })
          expect(crisis.overridableRuleIds).toEqual([])
          // For any other purpose the answer is the crisis plan or a way forward, never a dead end.
          const other = evaluateContact(input(now, { purpose: 'concern', channel: 'phone' }, { rules: [coaching(pause, purposes)], crisisPlan: plan, events }))
          expect(['crisis_plan', 'send']).toContain(other.verdict.kind)
        },
      ),
      { numRuns: 100 },
    )
  })
})
