import type { SessionStatus } from './vocabulary'

/** Statuses that say how a session went: only possible once it has started. */
export const OUTCOME_STATUSES: readonly SessionStatus[] = ['attended', 'missed']

/** A session can be attended or missed only once it has started; scheduled or cancelled any time. */
export const sessionStatusFitsTime = (status: SessionStatus, startsAt: number, now: number): boolean =>
  !OUTCOME_STATUSES.includes(status) || startsAt <= now
