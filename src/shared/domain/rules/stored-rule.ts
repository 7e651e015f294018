import type { Rule, RuleBody, RuleCommon } from './rule-kinds'

/** A rule as stored and sent over IPC: the agreement's details with its kind and params nested. */
export type StoredRuleLike = RuleCommon & {
  id: string
  therapistId: string
  version: number
  retiredAt: number | null
  body: RuleBody
}

/** The flat shape the contact check engine reads. A retired rule is never checked. */
export function toEngineRule(stored: StoredRuleLike): Rule {
  const { body, retiredAt, ...rest } = stored
  return { ...rest, ...body, active: rest.active && retiredAt === null } as Rule
}
