/** Reads for exports: every row of every table the person owns, in a stable order. */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Absence } from '../../../shared/ipc/schemas/absences'
import type { Contact, Draft } from '../../../shared/ipc/schemas/contacts'
import type { Reflection } from '../../../shared/ipc/schemas/reflections'
import type { Session } from '../../../shared/ipc/schemas/sessions'
import type { TalkingPoint } from '../../../shared/ipc/schemas/talking-points'
import type { Therapist } from '../../../shared/ipc/schemas/therapists'
import { absencesTable } from '../absences/absences.repo'
import { contactsTable } from '../contacts/contacts.repo'
import { readCrisisPlan } from '../crisis-plan/crisis-plan.repo'
import { fromRow, prepared, type TableSpec } from '../db/table.repo'
import { draftsTable } from '../drafts/drafts.repo'
import { reflectionsTable, tagNamesOf } from '../reflections/reflections.repo'
import { listRules, type StoredRule } from '../rules/rules.repo'
import { sessionsTable } from '../sessions/sessions.repo'
import { talkingPointsTable } from '../talking-points/talking-points.repo'
import { therapistsTable } from '../therapists/therapists.repo'

type Row = Record<string, unknown>

export interface TimeRange {
  /** Inclusive, epoch ms; null = from the beginning. */
  from: number | null
  /** Exclusive, epoch ms; null = until now and beyond. */
  to: number | null
}

const rangeClause = (column: string, range: TimeRange | undefined): string => {
  if (!range) return ''
  const parts: string[] = []
  if (range.from !== null) parts.push(`${column} >= @from`)
  if (range.to !== null) parts.push(`${column} < @to`)
  return parts.length === 0 ? '' : ` WHERE ${parts.join(' AND ')}`
}

const allOf = <T>(db: Database.Database, spec: TableSpec, order: string, range?: { column: string; range: TimeRange }): T[] => {
  const where = range ? rangeClause(range.column, range.range) : ''
  const params = range ? { from: range.range.from, to: range.range.to } : {}
  return (prepared(db, `SELECT * FROM ${spec.table}${where} ORDER BY ${order}`).all(params) as Row[]).map((row) => fromRow<T>(spec, row))
}

export const allTherapists = (db: Database.Database) => allOf<Therapist>(db, therapistsTable, 'id')
export const allSessions = (db: Database.Database, range?: TimeRange) =>
  allOf<Session>(db, sessionsTable, range ? 'starts_at, id' : 'id', range && { column: 'starts_at', range })
export const allReflections = (db: Database.Database, range?: TimeRange): Reflection[] =>
  allOf<Omit<Reflection, 'tags'>>(db, reflectionsTable, range ? 'created_at, id' : 'id', range && { column: 'created_at', range }).map(
    (reflection) => ({ ...reflection, tags: tagNamesOf(db, reflection.id) }),
  )
export const allDrafts = (db: Database.Database) => allOf<Draft>(db, draftsTable, 'id')
export const allTalkingPoints = (db: Database.Database) => allOf<TalkingPoint>(db, talkingPointsTable, 'id')
export const allContacts = (db: Database.Database, range?: TimeRange) =>
  allOf<Contact>(db, contactsTable, range ? 'at, id' : 'id', range && { column: 'at', range })
export const allAbsences = (db: Database.Database) => allOf<Absence>(db, absencesTable, 'id')

export const allTagNames = (db: Database.Database): string[] =>
  prepared(db, 'SELECT name FROM tags ORDER BY name COLLATE NOCASE, name').pluck().all() as string[]

export const allRules = (db: Database.Database): StoredRule[] =>
  listRules(db, { therapistId: null, includeRetired: true }).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

interface RuleVersionRow {
  version: number
  changed_at: number
  kind: string
  params: string
  severity: 'block' | 'warn' | 'info'
  agreement_text: string
  agreed_on: number | null
  review_by: number | null
  active: number
  retired_at: number | null
}

export function ruleVersionsOf(db: Database.Database, ruleId: string) {
  const rows = prepared(db, 'SELECT * FROM rule_versions WHERE rule_id = ? ORDER BY version').all(ruleId) as RuleVersionRow[]
  return rows.map((row) => ({
    version: row.version,
    changedAt: row.changed_at,
    severity: row.severity,
    agreementText: row.agreement_text,
    agreedOn: row.agreed_on,
    reviewBy: row.review_by,
    active: row.active === 1,
    retiredAt: row.retired_at,
    body: { kind: row.kind, params: JSON.parse(row.params) as Record<string, unknown> },
  }))
}

export const storedCrisisPlan = (db: Database.Database) => readCrisisPlan(db)

export function allReminders(db: Database.Database) {
  const rows = prepared(db, 'SELECT * FROM reminders ORDER BY id').all() as Array<{
    id: string
    kind: string
    ref_id: string | null
    due_at: number
    fired_at: number | null
    dismissed_at: number | null
    created_at: number
  }>
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    refId: row.ref_id,
    dueAt: row.due_at,
    firedAt: row.fired_at,
    dismissedAt: row.dismissed_at,
    createdAt: row.created_at,
  }))
}

export const storedReminderSettings = (db: Database.Database): string | undefined =>
  prepared(db, 'SELECT settings FROM reminder_settings WHERE id = 1').pluck().get() as string | undefined

export function allImportSources(db: Database.Database) {
  const rows = prepared(db, 'SELECT * FROM import_sources ORDER BY source, external_key').all() as Array<{
    source: 'ics' | 'day_one' | 'daylio'
    external_key: string
    session_id: string | null
    reflection_id: string | null
    time_zone: string | null
    imported_at: number
  }>
  return rows.map((row) => ({
    source: row.source,
    externalKey: row.external_key,
    sessionId: row.session_id,
    reflectionId: row.reflection_id,
    timeZone: row.time_zone,
    importedAt: row.imported_at,
  }))
}

/** The zone each imported reflection was written in, where an import recorded one. */
export function reflectionZones(db: Database.Database): Map<string, string> {
  const rows = prepared(
    db,
    'SELECT reflection_id AS id, time_zone AS zone FROM import_sources WHERE reflection_id IS NOT NULL AND time_zone IS NOT NULL',
  ).all() as Array<{ id: string; zone: string }>
  return new Map(rows.map((row) => [row.id, row.zone]))
}
