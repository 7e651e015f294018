import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared } from '../db/table.repo'

const idList = (db: Database.Database, sql: string, id: string): string[] => prepared(db, sql).pluck().all(id) as string[]

export const reflectionIdsOfSession = (db: Database.Database, sessionId: string): string[] =>
  idList(db, 'SELECT id FROM reflections WHERE session_id = ? ORDER BY id', sessionId)

export const sessionExists = (db: Database.Database, id: string): boolean =>
  prepared(db, 'SELECT 1 FROM sessions WHERE id = ?').get(id) !== undefined

/** Re-attaches reflections to a restored session, only those still unattached. */
export function reattachReflections(db: Database.Database, sessionId: string, ids: readonly string[]): void {
  const statement = prepared(db, 'UPDATE reflections SET session_id = ? WHERE id = ? AND session_id IS NULL')
  for (const id of ids) statement.run(sessionId, id)
}

export interface MoodRow {
  at: number
  mood: number
}

/** Every mood rating in [from, to): reflections' moods and sessions' before/after moods. */
export function moodRatings(db: Database.Database, from: number | null, to: number | null): MoodRow[] {
  return prepared(
    db,
    `SELECT created_at AS at, mood FROM reflections
      WHERE mood IS NOT NULL AND (@from IS NULL OR created_at >= @from) AND (@to IS NULL OR created_at < @to)
     UNION ALL
     SELECT starts_at, mood_before FROM sessions
      WHERE mood_before IS NOT NULL AND (@from IS NULL OR starts_at >= @from) AND (@to IS NULL OR starts_at < @to)
     UNION ALL
     SELECT starts_at + duration_minutes * 60000, mood_after FROM sessions
      WHERE mood_after IS NOT NULL AND (@from IS NULL OR starts_at >= @from) AND (@to IS NULL OR starts_at < @to)`,
  ).all({ from, to }) as MoodRow[]
}
