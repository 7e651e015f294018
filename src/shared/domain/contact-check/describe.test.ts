import { describe, expect, it } from 'vitest'
import { describeAgreement } from './describe'
import { rule, THERAPIST, utc } from './test-fixtures'

const at = { now: utc(2026, 3, 10, 9), personZone: 'Europe/London', locale: 'en-GB', therapist: THERAPIST }

describe('describeAgreement', () => {
  it('words an agreement the way the check does: the person’s own words when there are some', () => {
    const own = rule('buffer_after_session', { hours: 48 }, { agreementText: 'A couple of days after a session.', agreedOn: utc(2026, 3, 3, 12) })
    expect(describeAgreement(own, at)).toBe('You agreed on 3 March: “A couple of days after a session.”')
  })

  it('otherwise a plain paraphrase of the rule, with the date it was agreed', () => {
    const hours = rule('contact_hours', { windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] }, { agreedOn: utc(2026, 3, 3, 12) })
    expect(describeAgreement(hours, at)).toMatch(/^You agreed on 3 March to .*Monday to Friday.*09:00.*17:00.*\.$/)
    const undated = rule('response_expectation', { amount: 2, unit: 'business_days' })
    expect(describeAgreement(undated, at)).toMatch(/^You agreed that your therapist replies within 2 business days/)
  })
})
