/** Builders for the contact check's tests and bench. Not used by the app. */
import type { Rule, RuleCommon, RuleKind, RuleParams } from '../rules/rule-kinds'
import { defaultRuleParams } from '../rules/rule-kinds'
import type { ContactCheckInput, ContactRequest } from './types'

export const THERAPIST = { id: 't1', name: 'Sam', timeZone: 'Europe/London' }

let counter = 0

/** A rule of this kind with template params, overridden as given. */
export function rule<K extends RuleKind>(
  kind: K,
  params: Partial<RuleParams<K>> = {},
  common: Partial<RuleCommon> & { id?: string } = {},
): Rule {
  counter++
  const { id, ...rest } = common
  return {
    id: id ?? `r${counter}`,
    therapistId: THERAPIST.id,
    version: 1,
    kind,
    params: { ...defaultRuleParams(kind), ...params },
    severity: 'block',
    agreementText: '',
    agreedOn: null,
    reviewBy: null,
    active: true,
    ...rest,
  } as unknown as Rule
}

export function input(
  now: number,
  request: Partial<ContactRequest> = {},
  rest: Partial<Omit<ContactCheckInput, 'request' | 'now'>> = {},
): ContactCheckInput {
  return {
    now,
    personZone: rest.therapist?.timeZone ?? THERAPIST.timeZone,
    therapist: THERAPIST,
    rules: [],
    sessions: [],
    contacts: [],
    absences: [],
    events: [],
    crisisPlan: null,
    ...rest,
    request: { purpose: 'update', channel: 'portal', ...request },
  }
}

/** Epoch ms for a wall time in UTC: at(2026, 3, 3, 17, 50) = 3 March 2026 17:50Z. */
export const utc = (y: number, mo: number, d: number, h = 0, mi = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi)

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS
