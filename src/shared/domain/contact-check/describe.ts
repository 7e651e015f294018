/**
 * One agreement as the contact check words it ("You agreed on 3 March to …."), outside a check:
 * for the agreements sheet and the session brief. Pure, like the engine.
 */
import type { Rule } from '../rules/rule-kinds'
import { buildContext } from './context'
import { agreementLead } from './evaluate'

export interface DescribeAt {
  now: number
  personZone: string
  locale?: string
  therapist: { id: string; name: string; timeZone: string }
}

export function describeAgreement(rule: Rule, at: DescribeAt): string {
  const ctx = buildContext(
    { ...at, request: { purpose: 'update', channel: 'email' }, rules: [rule], sessions: [], contacts: [], absences: [], events: [], crisisPlan: null },
    [rule],
  )
  return agreementLead(rule, ctx)
}
