import type Database from 'better-sqlite3-multiple-ciphers'
import { crisisPlanFields } from '../../../shared/ipc/schemas/crisis-plan'
import { reminderSettingsSchema } from '../../../shared/ipc/schemas/reminders'
import { schemaVersion } from '../db/migrate'
import type { Logger } from '../ports'
import { EXPORT_FORMAT, EXPORT_VERSION, exportDocumentSchema, type ExportDocument } from './export-document'
import * as repo from './export.repo'
import { exportHomework } from '../homework/homework-export'

/** The whole vault as one document. Arrays are in ID order, so the same vault gives the same bytes. */
export function buildExportDocument(db: Database.Database, exportedAt: number, logger?: Logger): ExportDocument {
  const read = db.transaction(() => {
    const plan = repo.storedCrisisPlan(db)
    const settings = repo.storedReminderSettings(db)
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt,
      schemaVersion: schemaVersion(db),
      data: {
        therapists: repo.allTherapists(db),
        sessions: repo.allSessions(db),
        reflections: repo.allReflections(db),
        tags: repo.allTagNames(db),
        drafts: repo.allDrafts(db),
        talkingPoints: repo.allTalkingPoints(db),
        contacts: repo.allContacts(db),
        absences: repo.allAbsences(db),
        rules: repo.allRules(db).map((rule) => ({ ...rule, versions: repo.ruleVersionsOf(db, rule.id) })),
        crisisPlan: plan ? { ...crisisPlanFields.parse(JSON.parse(plan.plan)), updatedAt: plan.updatedAt } : null,
        reminders: repo.allReminders(db),
        reminderSettings: settings === undefined ? null : reminderSettingsSchema.parse(JSON.parse(settings)),
        importSources: repo.allImportSources(db),
        homework: exportHomework(db),
      },
    }
  })
  // One read transaction: a consistent snapshot. Validating proves we write what we can read
  // back; if some stored row no longer fits the schema, the person still gets all their data.
  const document = read()
  const checked = exportDocumentSchema.safeParse(document)
  if (checked.success) return checked.data
  logger?.warn('export.schema_mismatch', { path: checked.error.issues[0]?.path.join('.') ?? '' })
  return document as ExportDocument
}

/** Stable, readable JSON: two-space indent, a final newline. */
export const serializeExport = (document: ExportDocument): string => `${JSON.stringify(document, null, 2)}\n`
