import type Database from 'better-sqlite3-multiple-ciphers'
import type { Contact, Draft } from '../../../shared/ipc/schemas/contacts'
import type { Session } from '../../../shared/ipc/schemas/sessions'
import type { TalkingPoint } from '../../../shared/ipc/schemas/talking-points'
import { contactsTable } from '../contacts/contacts.repo'
import { fromRow, prepared, selectRows } from '../db/table.repo'
import { draftsTable } from '../drafts/drafts.repo'
import { sessionsTable } from '../sessions/sessions.repo'
import { talkingPointsTable } from '../talking-points/talking-points.repo'

type Row = Record<string, unknown>
const therapistClause = (therapistId: string | null) => (therapistId === null ? [] : ['therapist_id = @therapistId'])

/** The latest session with this status that started at or before `now` (and after `after`). */
export function latestStarted(
  db: Database.Database,
  filter: { therapistId: string | null; now: number; status: 'attended' | 'scheduled'; after: number | null },
): Session | null {
  const where = ['starts_at <= @now', 'status = @status', ...therapistClause(filter.therapistId)]
  if (filter.after !== null) where.push('starts_at > @after')
  const [row] = selectRows(db, sessionsTable, { where, params: filter, orderBy: 'starts_at DESC, id DESC', limit: 1 })
  return row ? fromRow<Session>(sessionsTable, row) : null
}

/** The first scheduled session that starts after `now`. */
export function nextScheduled(db: Database.Database, filter: { therapistId: string | null; now: number }): Session | null {
  const where = ['starts_at > @now', "status = 'scheduled'", ...therapistClause(filter.therapistId)]
  const [row] = selectRows(db, sessionsTable, { where, params: filter, orderBy: 'starts_at, id', limit: 1 })
  return row ? fromRow<Session>(sessionsTable, row) : null
}

/** Reflections flagged "bring to session" since `since` that no talking point was ever made from. */
export function flaggedWithoutPoint(db: Database.Database, since: number | null): Array<{ id: string; body: string }> {
  return prepared(
    db,
    `SELECT id, body FROM reflections r
      WHERE bring_to_session = 1 AND created_at >= @since
        AND NOT EXISTS (SELECT 1 FROM talking_points t WHERE t.source_reflection_id = r.id)
      ORDER BY created_at, id`,
  ).all({ since: since ?? 0 }) as Array<{ id: string; body: string }>
}

export function maxOpenPosition(db: Database.Database): number | null {
  return prepared(db, "SELECT max(position) FROM talking_points WHERE status IN ('open', 'carried_over')").pluck().get() as
    | number
    | null
}

export function openTalkingPoints(db: Database.Database): TalkingPoint[] {
  return selectRows(db, talkingPointsTable, {
    where: ["status IN ('open', 'carried_over')"],
    orderBy: 'position, created_at, id',
  }).map((row) => fromRow<TalkingPoint>(talkingPointsTable, row))
}

export function moodsSince(db: Database.Database, since: number | null): Array<{ at: number; mood: number }> {
  return prepared(
    db,
    'SELECT created_at AS at, mood FROM reflections WHERE mood IS NOT NULL AND created_at >= ? ORDER BY created_at, id',
  ).all(since ?? 0) as Array<{ at: number; mood: number }>
}

/** Saved drafts (for this therapist, or with none) that were not turned into a talking point. */
export function unparkedDrafts(db: Database.Database, therapistId: string | null): Draft[] {
  const where = ['NOT EXISTS (SELECT 1 FROM talking_points t WHERE t.source_draft_id = drafts.id)']
  if (therapistId !== null) where.push('(therapist_id = @therapistId OR therapist_id IS NULL)')
  return selectRows(db, draftsTable, { where, params: { therapistId }, orderBy: 'updated_at DESC, id DESC', limit: 50 }).map(
    (row) => fromRow<Draft>(draftsTable, row),
  )
}

/** Questions sent since `since` with no reply logged after them (same therapist, or none recorded). */
export function unansweredQuestions(db: Database.Database, since: number | null, therapistId: string | null): Contact[] {
  const rows = prepared(
    db,
    `SELECT * FROM contacts c
      WHERE c.direction = 'sent' AND c.purpose = 'question' AND c.at >= @since
        AND (@therapistId IS NULL OR c.therapist_id = @therapistId OR c.therapist_id IS NULL)
        AND NOT EXISTS (
          SELECT 1 FROM contacts r WHERE r.direction = 'received' AND r.at > c.at
             AND (r.therapist_id IS c.therapist_id OR r.therapist_id IS NULL OR c.therapist_id IS NULL))
      ORDER BY c.at, c.id LIMIT 50`,
  ).all({ since: since ?? 0, therapistId }) as Row[]
  return rows.map((row) => fromRow<Contact>(contactsTable, row))
}

export function setPosition(db: Database.Database, id: string, position: number, now: number): boolean {
  return prepared(db, 'UPDATE talking_points SET position = ?, updated_at = ? WHERE id = ?').run(position, now, id).changes === 1
}

export function setPointStatus(
  db: Database.Database,
  id: string,
  change: { status: 'discussed' | 'carried_over'; targetSessionId: string | null },
  now: number,
): boolean {
  return (
    prepared(db, 'UPDATE talking_points SET status = ?, target_session_id = ?, updated_at = ? WHERE id = ?').run(
      change.status,
      change.targetSessionId,
      now,
      id,
    ).changes === 1
  )
}
