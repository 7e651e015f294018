/**
 * The seed scenario from issue 3: a session on Tuesday; "a few days" after a session, unless it's
 * a specific concern or a significant event; contact hours on weekdays.
 */
import { describe, expect, it } from 'vitest'
import { evaluateContact } from './evaluate'
import { input, rule, utc } from './test-fixtures'

const rules = [
  rule(
    'buffer_after_session',
    { hours: 72, exemptPurposes: ['concern', 'significant_event'] },
    {
      id: 'few-days',
      agreementText:
        'A few days after a session, unless it is a specific concern or something big happens.',
      agreedOn: utc(2026, 3, 3, 12),
    },
  ),
  rule(
    'contact_hours',
    { windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] },
    { id: 'hours', agreedOn: utc(2026, 3, 3, 12) },
  ),
]
const sessions = [
  { id: 'tue', startsAt: utc(2026, 3, 10, 17), durationMinutes: 50, status: 'attended' as const },
  { id: 'next', startsAt: utc(2026, 3, 17, 17), durationMinutes: 50, status: 'scheduled' as const },
]

describe('seed scenario', () => {
  it('a gratitude text on Tuesday evening waits', () => {
    const res = evaluateContact(
      input(
        utc(2026, 3, 10, 19, 30),
        { purpose: 'update', channel: 'text', draftText: 'Thank you for today, it helped.' },
        { rules, sessions },
      ),
    )
    // 72 hours end Friday 17:50, after Friday's hours; the next window is Monday 09:00.
    expect(res.verdict).toEqual({ kind: 'wait_until', at: utc(2026, 3, 16, 9) })
    expect(res.headline).toBe('This can wait until Monday 09:00.')
    const [buffer, hours] = res.lines
    expect(buffer?.status).toBe('fail')
    expect(buffer?.message).toBe(
      'You agreed on 3 March: “A few days after a session, unless it is a specific concern or something big happens.” Your session ended Tuesday 17:50; 72 hours end Friday 17:50.',
    )
    expect(hours?.status).toBe('fail')
    expect(res.overridableRuleIds).toEqual(['few-days', 'hours'])
  })

  it('a significant event on Wednesday may go now, within contact hours', () => {
    const res = evaluateContact(
      input(
        utc(2026, 3, 11, 10),
        { purpose: 'significant_event', channel: 'phone' },
        { rules, sessions },
      ),
    )
    expect(res.verdict).toEqual({ kind: 'send' })
    expect(res.lines.map((l) => l.status)).toEqual(['pass', 'pass'])
    expect(res.earliestAt).toBe(utc(2026, 3, 11, 10))
  })

  it('the same significant event on Wednesday night waits for Thursday morning', () => {
    const res = evaluateContact(
      input(
        utc(2026, 3, 11, 21),
        { purpose: 'significant_event', channel: 'phone' },
        { rules, sessions },
      ),
    )
    expect(res.verdict).toEqual({ kind: 'wait_until', at: utc(2026, 3, 12, 9) })
  })
})
