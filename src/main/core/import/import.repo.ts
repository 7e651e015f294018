/** Writes for imports. Every function runs inside the import's one transaction. */
import type Database from 'better-sqlite3-multiple-ciphers'
import { writeCrisisPlan } from '../crisis-plan/crisis-plan.repo'
import { insertRow, prepared, type TableSpec } from '../db/table.repo'
import { newId } from '../ids'
import type { ImportLookups, SessionFields, SourceKind, SourceLink } from './import-plan'

export type Referenced = 'therapists' | 'sessions' | 'reflections' | 'drafts' | 'rules'

export const exists = (db: Database.Database, table: Referenced | 'talking_points' | 'contacts' | 'absences' | 'reminders', id: string): boolean =>
  prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined

export const insertEntity = (db: Database.Database, spec: TableSpec, dto: Record<string, unknown>): void => insertRow(db, spec, dto)

export function ensureTag(db: Database.Database, name: string, now: number): void {
  prepared(db, 'INSERT INTO tags (id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(newId(now), name)
}

interface RuleVersionInput {
  version: number
  changedAt: number
  severity: string
  agreementText: string
  agreedOn: number | null
  reviewBy: number | null
  active: boolean
  retiredAt: number | null
  body: { kind: string; params: unknown }
}

export function insertRuleWithHistory(
  db: Database.Database,
  rule: Omit<RuleVersionInput, 'changedAt'> & { id: string; therapistId: string; createdAt: number; updatedAt: number },
  versions: RuleVersionInput[],
): void {
  prepared(
    db,
    `INSERT INTO rules (id, therapist_id, kind, params, severity, agreement_text, agreed_on, review_by, active, retired_at, version, created_at, updated_at)
     VALUES (@id, @therapistId, @kind, @params, @severity, @agreementText, @agreedOn, @reviewBy, @active, @retiredAt, @version, @createdAt, @updatedAt)`,
  ).run({
    id: rule.id,
    therapistId: rule.therapistId,
    kind: rule.body.kind,
    params: JSON.stringify(rule.body.params),
    severity: rule.severity,
    agreementText: rule.agreementText,
    agreedOn: rule.agreedOn,
    reviewBy: rule.reviewBy,
    active: rule.active ? 1 : 0,
    retiredAt: rule.retiredAt,
    version: rule.version,
    createdAt: rule.createdAt,
    updatedAt: rule.updatedAt,
  })
  const insertVersion = prepared(
    db,
    `INSERT INTO rule_versions (rule_id, version, kind, params, severity, agreement_text, agreed_on, review_by, active, retired_at, changed_at)
     VALUES (@ruleId, @version, @kind, @params, @severity, @agreementText, @agreedOn, @reviewBy, @active, @retiredAt, @changedAt)`,
  )
  for (const v of versions) {
    insertVersion.run({
      ruleId: rule.id,
      version: v.version,
      kind: v.body.kind,
      params: JSON.stringify(v.body.params),
      severity: v.severity,
      agreementText: v.agreementText,
      agreedOn: v.agreedOn,
      reviewBy: v.reviewBy,
      active: v.active ? 1 : 0,
      retiredAt: v.retiredAt,
      changedAt: v.changedAt,
    })
  }
}

export const hasCrisisPlan = (db: Database.Database): boolean => prepared(db, 'SELECT 1 FROM crisis_plan WHERE id = 1').get() !== undefined

export const insertCrisisPlan = (db: Database.Database, planJson: string, updatedAt: number): void => writeCrisisPlan(db, planJson, updatedAt)

/** Returns false when a reminder with this ID or this (kind, ref) is already there. */
export function insertReminder(
  db: Database.Database,
  r: { id: string; kind: string; refId: string | null; dueAt: number; firedAt: number | null; dismissedAt: number | null; createdAt: number },
): boolean {
  return (
    prepared(
      db,
      `INSERT INTO reminders (id, kind, ref_id, due_at, fired_at, dismissed_at, created_at) VALUES (@id, @kind, @refId, @dueAt, @firedAt, @dismissedAt, @createdAt)
       ON CONFLICT DO NOTHING`,
    ).run(r).changes === 1
  )
}

export const hasReminderSettings = (db: Database.Database): boolean => prepared(db, 'SELECT 1 FROM reminder_settings WHERE id = 1').get() !== undefined

export const insertReminderSettings = (db: Database.Database, settingsJson: string, updatedAt: number): void => {
  prepared(db, 'INSERT INTO reminder_settings (id, settings, updated_at) VALUES (1, ?, ?)').run(settingsJson, updatedAt)
}


/** The link an earlier import made for (source, key), if any. */
export function findSource(db: Database.Database, source: SourceKind, key: string): SourceLink | undefined {
  return prepared(
    db,
    `SELECT session_id AS sessionId, reflection_id AS reflectionId, absence_id AS absenceId, written_digest AS writtenDigest
     FROM import_sources WHERE source = ? AND external_key = ?`,
  ).get(source, key) as SourceLink | undefined
}

/** Returns false when this (source, key) is already linked (Between JSON imports its links). */
export function insertSource(
  db: Database.Database,
  s: { source: SourceKind; externalKey: string; sessionId: string | null; reflectionId: string | null; timeZone: string | null; importedAt: number },
): boolean {
  return (
    prepared(
      db,
      `INSERT INTO import_sources (source, external_key, session_id, reflection_id, time_zone, imported_at)
       VALUES (@source, @externalKey, @sessionId, @reflectionId, @timeZone, @importedAt) ON CONFLICT DO NOTHING`,
    ).run(s).changes === 1
  )
}

/** A new link from an imported item to where it came from. */
export function linkSource(
  db: Database.Database,
  s: { source: SourceKind; externalKey: string; sessionId?: string; reflectionId?: string; absenceId?: string; timeZone?: string | null; writtenDigest?: string; importedAt: number },
): void {
  prepared(
    db,
    `INSERT INTO import_sources (source, external_key, session_id, reflection_id, absence_id, time_zone, written_digest, imported_at)
     VALUES (@source, @externalKey, @sessionId, @reflectionId, @absenceId, @timeZone, @writtenDigest, @importedAt)`,
  ).run({ sessionId: null, reflectionId: null, absenceId: null, timeZone: null, writtenDigest: null, ...s })
}

export const setWrittenDigest = (db: Database.Database, source: SourceKind, key: string, digest: string): void => {
  prepared(db, 'UPDATE import_sources SET written_digest = ? WHERE source = ? AND external_key = ?').run(digest, source, key)
}

export const sessionFields = (db: Database.Database, id: string): SessionFields | undefined =>
  prepared(
    db,
    `SELECT title, location, therapist_id AS therapistId, starts_at AS startsAt, time_zone AS timeZone, duration_minutes AS durationMinutes, format, status, notes
     FROM sessions WHERE id = ?`,
  ).get(id) as SessionFields | undefined

export function updateImportedSession(db: Database.Database, id: string, s: SessionFields, now: number): void {
  prepared(
    db,
    `UPDATE sessions SET title = @title, location = @location, therapist_id = @therapistId, starts_at = @startsAt, duration_minutes = @durationMinutes, time_zone = @timeZone,
     format = @format, status = @status, notes = @notes, updated_at = @now WHERE id = @id`,
  ).run({ ...s, id, now })
}

/** Planning reads the vault through these, and only these. */
export const lookupsFor = (db: Database.Database): ImportLookups => ({
  source: (kind, key) => findSource(db, kind, key),
  session: (id) => sessionFields(db, id),
  therapistExists: (id) => exists(db, 'therapists', id),
})
