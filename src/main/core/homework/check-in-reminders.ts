/**
 * When a check-in is due, from the cadence the person chose: a week or two after the last one of
 * that questionnaire, or the day before each session (at noon in the session's zone) when none was
 * filled in since the last session. The reminder text is generic (reminder-text.ts).
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { QUESTIONNAIRES } from '../../../shared/domain/homework/questionnaires'
import { storedHomeworkSettings } from './diary-card.service'
import * as repo from './homework.repo'

const DAY = 86_400_000
const PERIOD = { weekly: 7 * DAY, fortnightly: 14 * DAY } as const

export interface CheckInDue {
  kind: 'check_in_due'
  /** The check-in it follows, or the session it comes before. */
  refId: string
  dueAt: number
}

export function checkInReminders(
  db: Database.Database,
  now: number,
  nextSession: { id: string; dayBefore: number } | null,
): CheckInDue[] {
  const lastSessionStart = repo.lastSessionStart(db, now)
  const cadence = storedHomeworkSettings(repo.readHomeworkSettings(db)).checkIns
  return QUESTIONNAIRES.flatMap((questionnaire): CheckInDue[] => {
    const choice = cadence[questionnaire]
    if (choice === 'off') return []
    const last = repo.latestCheckIn(db, questionnaire, null) as { id: string; taken_at: number } | undefined
    if (choice === 'every_session') {
      const done = last !== undefined && (lastSessionStart === null || last.taken_at >= lastSessionStart)
      return nextSession && !done ? [{ kind: 'check_in_due', refId: nextSession.id, dueAt: nextSession.dayBefore }] : []
    }
    return last ? [{ kind: 'check_in_due', refId: last.id, dueAt: last.taken_at + PERIOD[choice] }] : []
  })
}
