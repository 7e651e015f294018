/**
 * Importing Between's own JSON export. IDs and times are kept, so exporting again gives the
 * same document. An item whose ID is already in the vault is left as it is (counted as
 * skipped): importing the same file twice changes nothing the second time.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { absencesTable } from '../absences/absences.repo'
import { contactsTable } from '../contacts/contacts.repo'
import { draftsTable } from '../drafts/drafts.repo'
import { EXPORT_FORMAT, EXPORT_VERSION, exportDocumentSchema, type ExportDocument } from '../export/export-document'
import { reflectionsTable, setTags } from '../reflections/reflections.repo'
import { sessionsTable } from '../sessions/sessions.repo'
import { talkingPointsTable } from '../talking-points/talking-points.repo'
import { therapistsTable } from '../therapists/therapists.repo'
import { importHomework } from '../homework/homework-export'
import { fromZodError, ImportError } from './import-error'
import * as repo from './import.repo'
import type { ImportCounts } from './import-counts'
import { emptyCounts } from './import-counts'

/** Checks the envelope first, so a newer or foreign file gets the right sentence. */
export function parseBetweenExport(json: unknown): ExportDocument {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new ImportError('not_between_export', 'format')
  }
  const version = (json as { version?: unknown }).version
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_VERSION) throw new ImportError('from_newer_version', 'version')
  const parsed = exportDocumentSchema.safeParse(json)
  if (!parsed.success) throw fromZodError(parsed.error)
  return parsed.data
}

type Reference = [field: string, table: repo.Referenced, id: string | null]

/** Inserts the document's items. Runs inside the caller's transaction. */
export function importBetweenExport(db: Database.Database, document: ExportDocument, now: number): ImportCounts {
  const counts = emptyCounts()
  const d = document.data

  const requireRefs = (path: string, refs: Reference[]): void => {
    for (const [field, table, id] of refs) {
      if (id !== null && !repo.exists(db, table, id)) throw new ImportError('missing_reference', `data.${path}.${field}`)
    }
  }

  const each = <T extends { id: string }>(
    name: keyof ImportCounts['created'] & keyof ExportDocument['data'],
    table: Parameters<typeof repo.exists>[1],
    items: T[],
    refs: (item: T) => Reference[],
    insert: (item: T) => void,
  ) => {
    items.forEach((item, index) => {
      if (repo.exists(db, table, item.id)) {
        counts.skipped++
        return
      }
      requireRefs(`${name}.${index}`, refs(item))
      insert(item)
      counts.created[name]++
    })
  }

  each('therapists', 'therapists', d.therapists, () => [], (t) => repo.insertEntity(db, therapistsTable, t))
  each('sessions', 'sessions', d.sessions, (s) => [['therapistId', 'therapists', s.therapistId]], (s) => repo.insertEntity(db, sessionsTable, s))
  for (const name of d.tags) repo.ensureTag(db, name, now)
  each(
    'reflections',
    'reflections',
    d.reflections,
    (r) => [['sessionId', 'sessions', r.sessionId]],
    (r) => {
      repo.insertEntity(db, reflectionsTable, r)
      setTags(db, r.id, r.tags, now)
    },
  )
  each('drafts', 'drafts', d.drafts, (x) => [['therapistId', 'therapists', x.therapistId]], (x) => repo.insertEntity(db, draftsTable, x))
  each(
    'talkingPoints',
    'talking_points',
    d.talkingPoints,
    (p) => [
      ['targetSessionId', 'sessions', p.targetSessionId],
      ['sourceReflectionId', 'reflections', p.sourceReflectionId],
      ['sourceDraftId', 'drafts', p.sourceDraftId],
    ],
    (p) => repo.insertEntity(db, talkingPointsTable, p),
  )
  each('contacts', 'contacts', d.contacts, (c) => [['therapistId', 'therapists', c.therapistId]], (c) => repo.insertEntity(db, contactsTable, c))
  each('absences', 'absences', d.absences, (a) => [['therapistId', 'therapists', a.therapistId]], (a) => repo.insertEntity(db, absencesTable, a))
  each(
    'rules',
    'rules',
    d.rules,
    (r) => [['therapistId', 'therapists', r.therapistId]],
    (r) => {
      const { versions, ...current } = r
      repo.insertRuleWithHistory(db, current, versions)
    },
  )

  if (d.crisisPlan) {
    if (repo.hasCrisisPlan(db)) counts.skipped++
    else {
      const { updatedAt, ...plan } = d.crisisPlan
      repo.insertCrisisPlan(db, JSON.stringify(plan), updatedAt ?? now)
      counts.created.crisisPlan++
    }
  }
  for (const reminder of d.reminders) {
    if (repo.insertReminder(db, reminder)) counts.created.reminders++
    else counts.skipped++
  }
  if (d.reminderSettings) {
    if (repo.hasReminderSettings(db)) counts.skipped++
    else repo.insertReminderSettings(db, JSON.stringify(d.reminderSettings), now)
  }
  d.importSources.forEach((source, index) => {
    requireRefs(`importSources.${index}`, [
      ['sessionId', 'sessions', source.sessionId],
      ['reflectionId', 'reflections', source.reflectionId],
    ])
    if (!repo.insertSource(db, source)) counts.skipped++
  })
  if (d.homework) {
    const [created, skipped] = importHomework(db, d.homework, now)
    counts.created.homework += created
    counts.skipped += skipped
  }
  return counts
}
