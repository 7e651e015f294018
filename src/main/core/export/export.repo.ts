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
import { prepared, rawRowDecoder, type TableSpec } from '../db/table.repo'
import { exportDocumentSchema } from './export-document'
import { draftsTable } from '../drafts/drafts.repo'
import { reflectionsTable } from '../reflections/reflections.repo'
import { listRules, type StoredRule } from '../rules/rules.repo'
import { sessionsTable } from '../sessions/sessions.repo'
import { talkingPointsTable } from '../talking-points/talking-points.repo'
import { therapistsTable } from '../therapists/therapists.repo'


export interface TimeRange {
  /** Inclusive, epoch ms; null = from the beginning. */
  from: number | null
  /** Exclusive, epoch ms; null = until now and beyond. */
  to: number | null
}

/** The range's bounds as SQL conditions on `column`. */
const rangeConditions = (column: string, range: TimeRange): string[] => [
  ...(range.from === null ? [] : [`${column} >= @from`]),
  ...(range.to === null ? [] : [`${column} < @to`]),
]

/**
 * Rows per page when a table is read in pages (an export streams them to its file): 250 keeps a
 * page, its JSON and its Markdown a few hundred KB in the job's small heap (1,000 held the
 * streamed exports' peak resident memory about 10 MB higher, for no CPU saved).
 */
const PAGE_ROWS = 250

/**
 * A table's rows in pages, by id (or by the range's column, then id), each page found by keyset
 * from the last row of the one before: a large table is never in memory at once, and no page
 * rescans the rows before it. Rows are read as arrays and decoded once, with their fields in the
 * order `keys` gives (the export document's order) where given.
 */
function* pagesOf<T>(db: Database.Database, spec: TableSpec, range?: { column: string; range: TimeRange }, keys?: readonly string[]): Generator<T[]> {
  const order = range ? [range.column, 'id'] : ['id']
  const bounds = range ? rangeConditions(range.column, range.range) : []
  const statementFor = (after: boolean): Database.Statement => {
    const keyset = after ? [`(${order.join(', ')}) > (${order.map((column) => `@after_${column}`).join(', ')})`] : []
    const where = [...bounds, ...keyset].join(' AND ')
    return prepared(db, `SELECT * FROM ${spec.table}${where === '' ? '' : ` WHERE ${where}`} ORDER BY ${order.join(', ')} LIMIT ${PAGE_ROWS}`)
  }
  const columns = statementFor(false)
    .columns()
    .map((column) => column.name)
  const decode = rawRowDecoder<T>(spec, columns, keys)
  const orderIndexes = order.map((column) => columns.indexOf(column))
  const params: Record<string, unknown> = range ? { from: range.range.from, to: range.range.to } : {}
  let last: unknown[] | undefined
  for (;;) {
    const keyset = last === undefined ? {} : Object.fromEntries(order.map((column, index) => [`after_${column}`, (last as unknown[])[orderIndexes[index] as number]]))
    const rows = statementFor(last !== undefined)
      .raw()
      .all({ ...params, ...keyset }) as unknown[][]
    if (rows.length === 0) return
    yield rows.map(decode)
    if (rows.length < PAGE_ROWS) return
    last = rows.at(-1)
  }
}

const rangeOn = (column: string, range?: TimeRange) => range && { column, range }

/** The streamed tables' items with their fields in the export document's order (what its schema's parse gives). */
const itemKeys = (field: 'sessions' | 'reflections' | 'contacts'): readonly string[] => Object.keys(exportDocumentSchema.shape.data.shape[field].element.shape)
const allOf = <T>(db: Database.Database, spec: TableSpec): T[] => [...pagesOf<T>(db, spec)].flat()

export const allTherapists = (db: Database.Database) => allOf<Therapist>(db, therapistsTable)
export const sessionPages = (db: Database.Database, range?: TimeRange) => pagesOf<Session>(db, sessionsTable, rangeOn('starts_at', range), itemKeys('sessions'))
export const allSessions = (db: Database.Database, range?: TimeRange): Session[] => [...sessionPages(db, range)].flat()

/** The tag names of a page of reflections, by reflection, each list in the order tagNamesOf gives. */
function tagNamesOfPage(db: Database.Database, ids: string[]): Map<string, string[]> {
  const rows = prepared(
    db,
    `SELECT reflection_tags.reflection_id AS id, tags.name AS name FROM reflection_tags JOIN tags ON tags.id = reflection_tags.tag_id
     WHERE reflection_tags.reflection_id IN (SELECT value FROM json_each(?)) ORDER BY reflection_tags.reflection_id, tags.name COLLATE NOCASE`,
  )
    .raw()
    .all(JSON.stringify(ids)) as Array<[string, string]>
  const names = new Map<string, string[]>()
  for (const [id, name] of rows) {
    const list = names.get(id)
    if (list) list.push(name)
    else names.set(id, [name])
  }
  return names
}

/** Reflections in pages, each with its tag names (one query per page, not one per reflection). */
export function* reflectionPages(db: Database.Database, range?: TimeRange): Generator<Reflection[]> {
  for (const page of pagesOf<Reflection>(db, reflectionsTable, rangeOn('created_at', range), itemKeys('reflections'))) {
    const tags = tagNamesOfPage(db, page.map((reflection) => reflection.id))
    for (const reflection of page) reflection.tags = tags.get(reflection.id) ?? []
    yield page
  }
}
export const allReflections = (db: Database.Database, range?: TimeRange): Reflection[] => [...reflectionPages(db, range)].flat()
export const allDrafts = (db: Database.Database) => allOf<Draft>(db, draftsTable)
export const allTalkingPoints = (db: Database.Database) => allOf<TalkingPoint>(db, talkingPointsTable)
export const contactPages = (db: Database.Database, range?: TimeRange) => pagesOf<Contact>(db, contactsTable, rangeOn('at', range), itemKeys('contacts'))
export const allContacts = (db: Database.Database, range?: TimeRange): Contact[] => [...contactPages(db, range)].flat()
export const allAbsences = (db: Database.Database) => allOf<Absence>(db, absencesTable)

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

const countedTables = { sessions: sessionsTable, reflections: reflectionsTable, contacts: contactsTable }

const rangeColumns = { sessions: 'starts_at', reflections: 'created_at', contacts: 'at' }

/** How many rows a streamed table holds, in the range if one is given (an export's progress total). */
export function countOf(db: Database.Database, table: keyof typeof countedTables, range?: TimeRange): number {
  const where = range ? rangeConditions(rangeColumns[table], range).join(' AND ') : ''
  const sql = `SELECT COUNT(*) FROM ${countedTables[table].table}${where === '' ? '' : ` WHERE ${where}`}`
  return prepared(db, sql).pluck().get(range ? { from: range.from, to: range.to } : {}) as number
}
