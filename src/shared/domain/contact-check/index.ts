/** The contact check engine: "is now a good time, and the right way?" Pure; browser-safe. */
export { evaluateContact } from './evaluate'
export { describeAgreement } from './describe'
export type { DescribeAt } from './describe'
export { historyNeededMs } from './context'
export { summarizeCrisisPlan } from './crisis-plan'
export type { CrisisPlanLike } from './crisis-plan'
export {
  HORIZON_DAYS,
  LINE_STATUSES,
  VERDICT_PRECEDENCE,
  contactCheckResultSchema,
  contactRequestSchema,
  crisisPlanSummarySchema,
  ruleLineSchema,
  verdictSchema,
} from './types'
export type {
  CheckAbsence,
  CheckContact,
  CheckSession,
  ConfirmItem,
  ContactCheckInput,
  ContactCheckResult,
  ContactRequest,
  CrisisPlanSummary,
  LineStatus,
  RuleLine,
  Verdict,
  VerdictKind,
} from './types'
export {
  SESSIONS_AHEAD_MS,
  contactCheckSnapshotSchema,
  evaluateSnapshot,
  snapshotGoodUntil,
} from './snapshot'
export type { ContactAsk, ContactCheckSnapshot } from './snapshot'
