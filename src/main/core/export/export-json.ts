import type Database from 'better-sqlite3-multiple-ciphers'
import type { z } from 'zod'
import { crisisPlanFields } from '../../../shared/ipc/schemas/crisis-plan'
import { reminderSettingsSchema } from '../../../shared/ipc/schemas/reminders'
import { schemaVersion } from '../db/migrate'
import type { Logger } from '../ports'
import { canonicalCheck } from './canonical-check'
import { EXPORT_FORMAT, EXPORT_VERSION, exportDocumentSchema, type ExportData } from './export-document'
import * as repo from './export.repo'
import { exportHomework } from '../homework/homework-export'
import type { ExportSink } from './write-export'

type DataField = keyof ExportData
/** The large tables: streamed to the file a page at a time, never in memory whole. */
const STREAMED = ['sessions', 'reflections', 'contacts'] as const satisfies readonly DataField[]
type Streamed = (typeof STREAMED)[number]

const dataShape = exportDocumentSchema.shape.data.shape
const itemSchemas: Record<Streamed, z.ZodType> = {
  sessions: dataShape.sessions.element,
  reflections: dataShape.reflections.element,
  contacts: dataShape.contacts.element,
}

/** Stands in for a streamed array in the document's skeleton; a JSON string no row can hold. */
const placeholder = (field: Streamed): string => `\u0000streamed:${field}`
const placeholderJson = (field: Streamed): string => JSON.stringify(placeholder(field))

/**
 * A page of items exactly as JSON.stringify(document, null, 2) lays them out at `data.<field>`,
 * less the array's brackets (a page is never empty): stringified inside a wrapper of the same
 * depth, so they come out indented where they belong, with no second pass over the text.
 */
function itemsLaidOut(field: Streamed, items: unknown[]): string {
  const text = JSON.stringify({ data: { [field]: items } }, null, 2)
  return text.slice(text.indexOf('[') + 1, text.lastIndexOf('\n', text.lastIndexOf(']')))
}

/**
 * Items stringified at a time. A string over 128 KB is a large object to V8, allocated outside
 * its young generation and freed only by a full collection, so a page's text (250 rows, a few
 * hundred KB) would pile up in the worker's heap between them: 32 typical entries are a few
 * tens of KB, which the next scavenge frees. The bytes are the same however the items are cut.
 */
const LAID_OUT_ITEMS = 32

export interface JsonExportProgress {
  (done: number, total: number): void
}

/**
 * The whole vault as one document (docs/export-format.md), written through `write` in one read
 * transaction (a consistent snapshot). The bytes are exactly `JSON.stringify(document, null, 2)`
 * plus a final newline, with arrays in ID order, so the same vault gives the same bytes; the
 * large tables go out a page at a time. Each part is validated against the export schema (what
 * Between writes, Between reads back); a stored row that no longer fits is written as stored,
 * so the person still gets all their data. Returns the number of records written.
 */
export function writeExportJson(db: Database.Database, exportedAt: number, write: ExportSink, progress: JsonExportProgress, logger?: Logger): number {
  let mismatchLogged = false
  const checked = <T>(schema: z.ZodType, value: T, path: string): T => {
    if (canonicalCheck(schema)?.(value)) return value
    const result = schema.safeParse(value)
    if (result.success) return result.data as T
    if (!mismatchLogged) logger?.warn('export.schema_mismatch', { path: [path, ...result.error.issues[0]!.path].join('.') })
    mismatchLogged = true
    return value
  }

  return db.transaction(() => {
    const plan = repo.storedCrisisPlan(db)
    const settings = repo.storedReminderSettings(db)
    const rules = repo.allRules(db).map((rule) => ({ ...rule, versions: repo.ruleVersionsOf(db, rule.id) }))
    const small = {
      therapists: repo.allTherapists(db),
      tags: repo.allTagNames(db),
      drafts: repo.allDrafts(db),
      talkingPoints: repo.allTalkingPoints(db),
      absences: repo.allAbsences(db),
      rules,
      crisisPlan: plan ? { ...crisisPlanFields.parse(JSON.parse(plan.plan)), updatedAt: plan.updatedAt } : null,
      reminders: repo.allReminders(db),
      reminderSettings: settings === undefined ? null : reminderSettingsSchema.parse(JSON.parse(settings)),
      importSources: repo.allImportSources(db),
      homework: exportHomework(db),
    }
    // The skeleton in the schema's key order, the streamed arrays as placeholders.
    const data: Record<string, unknown> = {}
    for (const field of Object.keys(dataShape) as DataField[]) {
      if ((STREAMED as readonly string[]).includes(field)) data[field] = placeholder(field as Streamed)
      else data[field] = checked(dataShape[field], (small as Record<string, unknown>)[field], `data.${field}`)
    }
    const skeleton = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, schemaVersion: schemaVersion(db), data }, null, 2)

    const total = STREAMED.reduce((sum, field) => sum + repo.countOf(db, field), 0)
    let done = 0
    const pagesOf = { sessions: () => repo.sessionPages(db), reflections: () => repo.reflectionPages(db), contacts: () => repo.contactPages(db) }
    let rest = skeleton
    for (const field of STREAMED) {
      const at = rest.indexOf(placeholderJson(field))
      const before = rest.slice(0, at)
      write(before)
      const indent = before.slice(before.lastIndexOf('\n') + 1).match(/^ */)?.[0] ?? ''
      let first = true
      for (const page of pagesOf[field]()) {
        const items = page.map((item) => checked(itemSchemas[field], item, `data.${field}`))
        for (let from = 0; from < items.length; from += LAID_OUT_ITEMS) {
          write(first ? '[' : ',')
          write(itemsLaidOut(field, items.slice(from, from + LAID_OUT_ITEMS)))
          first = false
        }
        done += page.length
        progress(done, total)
      }
      write(first ? '[]' : `\n${indent}]`)
      rest = rest.slice(at + placeholderJson(field).length)
    }
    write(`${rest}\n`)
    return (
      small.therapists.length + done + small.drafts.length + small.talkingPoints.length + small.absences.length + small.rules.length + (small.crisisPlan ? 1 : 0)
    )
  })()
}
