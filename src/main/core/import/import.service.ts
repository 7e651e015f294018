/**
 * Imports in three steps: choose (the OS dialog, read and check the whole file, keep its bytes
 * in memory only), preview (a plan with the person's choices, as often as they change them),
 * apply (write the plan in one transaction). One chosen file at a time; choosing another, or
 * applying, forgets the previous one.
 *
 * To run apply as a job (issue 17): the worker opens its own connection and calls
 * planImport(db, bytes, options, now, maxBytes) then applyPlan(db, plan, now, { onProgress,
 * signal }); both take only a handle and data.
 */
import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3-multiple-ciphers'
import type { ImportOptions, ImportPreview, ImportResult } from '../../../shared/ipc/schemas/import'
import type { FileDialogs, OpenKind } from '../ports'
import type { ServiceContext } from '../records/entity.service'
import { applyPlan, type ApplyControl } from './import-apply'
import { ImportError, MAX_IMPORT_BYTES } from './import-error'
import { planImport } from './import-planner'
import { readImportBytes } from './read-import-file'

const ALL_TABLES = ['therapists', 'sessions', 'reflections', 'tags', 'drafts', 'talking_points', 'contacts', 'absences', 'rules', 'rule_versions', 'crisis_plan', 'reminders']

const OPEN_KIND: Record<ImportOptions['kind'], OpenKind> = {
  betweenJson: 'between-json',
  dayOne: 'day-one-json',
  daylio: 'daylio-csv',
  calendar: 'calendar',
}

export interface ImportServiceOptions {
  /** Tests lower it to exercise the limit without writing 50 MB. */
  maxBytes?: number
}

interface Chosen {
  planId: string
  kind: ImportOptions['kind']
  bytes: Buffer
  /** The connection it was chosen under: after a lock and unlock the preview is not current. */
  db: Database.Database
}

export function createImportService(ctx: ServiceContext, dialogs: FileDialogs, options: ImportServiceOptions = {}) {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES
  let chosen: Chosen | null = null

  const planFor = (file: Chosen, importOptions: ImportOptions) => planImport(ctx.db(), file.bytes, importOptions, ctx.clock.now(), maxBytes)

  const current = (planId: string, importOptions: ImportOptions): Chosen => {
    const db = ctx.db()
    if (chosen !== null && chosen.db !== db) chosen = null
    if (chosen === null || chosen.planId !== planId || chosen.kind !== importOptions.kind) throw new ImportError('plan_expired')
    return chosen
  }

  const previewOf = (file: Chosen, importOptions: ImportOptions): ImportPreview => ({ planId: file.planId, kind: file.kind, ...planFor(file, importOptions).preview })

  return {
    async choose(importOptions: ImportOptions): Promise<{ status: 'cancelled' } | { status: 'ready'; preview: ImportPreview }> {
      ctx.db() // VAULT_LOCKED before any dialog
      chosen = null
      const path = await dialogs.chooseOpenPath(OPEN_KIND[importOptions.kind])
      if (path === null) return { status: 'cancelled' }
      const file: Chosen = { planId: randomUUID(), kind: importOptions.kind, bytes: readImportBytes(path, maxBytes), db: ctx.db() }
      const preview = previewOf(file, importOptions)
      chosen = file
      return { status: 'ready', preview }
    },

    preview: (input: { planId: string; options: ImportOptions }): ImportPreview => previewOf(current(input.planId, input.options), input.options),

    apply(input: { planId: string; options: ImportOptions }, control: ApplyControl = {}): ImportResult {
      const file = current(input.planId, input.options)
      const plan = planFor(file, input.options)
      const counts = applyPlan(ctx.db(), plan, ctx.clock.now(), control)
      chosen = null
      ctx.events.emit('data.changed', { tables: ALL_TABLES })
      return { status: 'imported', ...counts }
    },

    discard(input: { planId: string }): { discarded: boolean } {
      const had = chosen?.planId === input.planId
      if (had) chosen = null
      return { discarded: had }
    },
  }
}

export type ImportService = ReturnType<typeof createImportService>
