import type Database from 'better-sqlite3-multiple-ciphers'
import type { ReminderKind } from '../../../shared/domain/vocabulary'
import { prepared } from '../db/table.repo'
import { newId } from '../ids'

export interface ReminderRow {
  id: string
  kind: ReminderKind
  ref_id: string | null
  due_at: number
  fired_at: number | null
  dismissed_at: number | null
  created_at: number
}

export const toReminder = (row: ReminderRow) => ({
  id: row.id,
  kind: row.kind,
  refId: row.ref_id,
  dueAt: row.due_at,
  firedAt: row.fired_at,
  dismissedAt: row.dismissed_at,
})

/** Wanted reminders derived from the data: (kind, ref) -> due. */
export interface Wanted {
  kind: Exclude<ReminderKind, 'reflection_prompt'>
  refId: string
  dueAt: number
}

export function draftsWithReminder(db: Database.Database): Array<{ id: string; dueAt: number }> {
  return prepared(db, 'SELECT id, remind_at AS dueAt FROM drafts WHERE remind_at IS NOT NULL').all() as Array<{ id: string; dueAt: number }>
}

export function upcomingSessions(db: Database.Database, from: number, to: number): Array<{ id: string; startsAt: number; timeZone: string }> {
  return prepared(
    db,
    "SELECT id, starts_at AS startsAt, time_zone AS timeZone FROM sessions WHERE status = 'scheduled' AND starts_at > ? AND starts_at <= ? ORDER BY starts_at",
  ).all(from, to) as Array<{ id: string; startsAt: number; timeZone: string }>
}

export function sessionStart(db: Database.Database, id: string): { startsAt: number; status: string } | undefined {
  return prepared(db, 'SELECT starts_at AS startsAt, status FROM sessions WHERE id = ?').get(id) as { startsAt: number; status: string } | undefined
}

export function rulesWithReview(db: Database.Database): Array<{ id: string; dueAt: number }> {
  return prepared(db, 'SELECT id, review_by AS dueAt FROM rules WHERE review_by IS NOT NULL AND active = 1 AND retired_at IS NULL').all() as Array<{
    id: string
    dueAt: number
  }>
}

/**
 * Makes the pending reminders of `kind` exactly `wanted`: new ones inserted, moved ones
 * re-armed (a changed due time makes it fire again), unwanted pending ones removed.
 * Reminders already shown for the same due time stay shown.
 */
export function reconcile(db: Database.Database, kind: Wanted['kind'], wanted: Wanted[], now: number): void {
  const upsert = prepared(
    db,
    `INSERT INTO reminders (id, kind, ref_id, due_at, created_at) VALUES (@id, @kind, @refId, @dueAt, @now)
     ON CONFLICT (kind, ref_id) DO UPDATE SET due_at = excluded.due_at, fired_at = NULL, dismissed_at = NULL
     WHERE reminders.due_at IS NOT excluded.due_at`,
  )
  for (const w of wanted) upsert.run({ id: newId(now), kind: w.kind, refId: w.refId, dueAt: w.dueAt, now })
  const keep = new Set(wanted.map((w) => w.refId))
  const existing = prepared(db, 'SELECT id, ref_id AS refId, fired_at AS firedAt FROM reminders WHERE kind = ?').all(kind) as Array<{
    id: string
    refId: string | null
    firedAt: number | null
  }>
  const remove = prepared(db, 'DELETE FROM reminders WHERE id = ?')
  for (const row of existing) if (row.refId === null || !keep.has(row.refId)) remove.run(row.id)
}

export function pendingPrompt(db: Database.Database): ReminderRow | undefined {
  return prepared(
    db,
    "SELECT * FROM reminders WHERE kind = 'reflection_prompt' AND fired_at IS NULL AND dismissed_at IS NULL ORDER BY due_at LIMIT 1",
  ).get() as ReminderRow | undefined
}

export function insertPrompt(db: Database.Database, dueAt: number, now: number): void {
  prepared(db, "INSERT INTO reminders (id, kind, ref_id, due_at, created_at) VALUES (?, 'reflection_prompt', NULL, ?, ?)").run(newId(now), dueAt, now)
}

export const setDue = (db: Database.Database, id: string, dueAt: number): void => {
  prepared(db, 'UPDATE reminders SET due_at = ? WHERE id = ?').run(dueAt, id)
}

export const deleteKind = (db: Database.Database, kind: ReminderKind, pendingOnly: boolean): void => {
  prepared(db, `DELETE FROM reminders WHERE kind = ?${pendingOnly ? ' AND fired_at IS NULL AND dismissed_at IS NULL' : ''}`).run(kind)
}

/** Shown prompts older than `before` are history nobody needs. */
export const pruneOldPrompts = (db: Database.Database, before: number): void => {
  prepared(db, "DELETE FROM reminders WHERE kind = 'reflection_prompt' AND fired_at IS NOT NULL AND due_at < ?").run(before)
}

export const dueReminders = (db: Database.Database, now: number): ReminderRow[] =>
  prepared(db, 'SELECT * FROM reminders WHERE fired_at IS NULL AND dismissed_at IS NULL AND due_at <= ? ORDER BY due_at, id').all(now) as ReminderRow[]

export const pendingBetween = (db: Database.Database, from: number, to: number): ReminderRow[] =>
  prepared(db, 'SELECT * FROM reminders WHERE fired_at IS NULL AND dismissed_at IS NULL AND due_at > ? AND due_at <= ? ORDER BY due_at, id').all(from, to) as ReminderRow[]

export const markFired = (db: Database.Database, id: string, at: number): void => {
  prepared(db, 'UPDATE reminders SET fired_at = ? WHERE id = ? AND fired_at IS NULL').run(at, id)
}

export const dismiss = (db: Database.Database, id: string, at: number): boolean =>
  prepared(db, 'UPDATE reminders SET dismissed_at = coalesce(dismissed_at, ?) WHERE id = ?').run(at, id).changes === 1

export const listReminders = (db: Database.Database, includePast: boolean): ReminderRow[] =>
  prepared(db, `SELECT * FROM reminders${includePast ? '' : ' WHERE dismissed_at IS NULL'} ORDER BY due_at, id`).all() as ReminderRow[]

export const readSettings = (db: Database.Database): string | undefined =>
  prepared(db, 'SELECT settings FROM reminder_settings WHERE id = 1').pluck().get() as string | undefined

export const writeSettings = (db: Database.Database, json: string, now: number): void => {
  prepared(
    db,
    'INSERT INTO reminder_settings (id, settings, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at',
  ).run(json, now)
}
