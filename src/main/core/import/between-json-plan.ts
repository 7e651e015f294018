/**
 * The preview of a Between JSON import. Its writes depend on what the vault already holds in
 * ways only inserting can tell (references, items already there), so the import is run once
 * inside a transaction that is always rolled back: the counts are exact and nothing stays.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { ExportDocument } from '../export/export-document'
import { importBetweenExport } from './between-json'
import { inImportRange } from './date-range'
import { ImportError } from './import-error'
import { finishPlan, previewBuilder, type ImportPlan } from './import-plan'

const ROLLBACK = Symbol('rollback')

/** Dates outside what Between accepts are refused with their place. */
export function checkExportDates(document: ExportDocument): void {
  const check = (list: Array<Record<string, unknown>>, name: string, field: string) =>
    list.forEach((item, index) => {
      const value = item[field]
      if (typeof value === 'number' && !inImportRange(value)) throw new ImportError('invalid_field', `data.${name}.${index}.${field}`, 'a date outside 1900 to 2199')
    })
  check(document.data.sessions, 'sessions', 'startsAt')
  check(document.data.reflections, 'reflections', 'createdAt')
  check(document.data.absences, 'absences', 'startsAt')
  check(document.data.contacts, 'contacts', 'at')
}

export function planBetweenJson(db: Database.Database, document: ExportDocument, now: number): ImportPlan {
  const preview = previewBuilder()
  try {
    db.transaction(() => {
      const counts = importBetweenExport(db, document, now)
      preview.body.create = counts.created
      preview.body.unchanged = counts.skipped
      throw ROLLBACK
    })()
  } catch (error) {
    if (error !== ROLLBACK) throw error
  }
  const times = [...document.data.sessions.map((s) => s.startsAt), ...document.data.reflections.map((r) => r.createdAt)]
  preview.body.range = times.length === 0 ? null : { from: Math.min(...times), to: Math.max(...times) }
  preview.body.total = Object.values(preview.body.create).reduce((sum, n) => sum + n, 0)
  return { ...finishPlan([{ op: 'betweenJson', document }], preview.body), skipped: 0 }
}
