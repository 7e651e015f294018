/**
 * Imports in three steps: choose (the OS dialog, read the whole file, keep its bytes in memory
 * only, and preview it), preview (a plan with the person's choices, as often as they change
 * them), apply (the same plan written as an import run, in short transactions). Planning and
 * applying are jobs in a worker thread (import-tasks.ts), with progress and Stop (op `import`):
 * this thread only reads the file and hands its bytes over. A stopped choose or preview forgets
 * the file. One chosen file at a time; choosing another, or applying, forgets the previous one.
 *
 * All or nothing: a stopped apply is undone at once by a second job; one cut off by a crash (or
 * whose undo was) is undone at the next unlock (settleRuns in import-run.ts).
 */
import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3-multiple-ciphers'
import type { ImportOptions, ImportPreview, ImportResult } from '../../../shared/ipc/schemas/import'
import type { FileDialogs, OpenKind } from '../ports'
import type { ServiceContext } from '../records/entity.service'
import { transferableKey } from '../jobs/job-protocol'
import type { JobRunner } from '../jobs/job-runner'
import type { JobInput } from '../jobs/job-tasks'
import type { VaultService } from '../vault/vault.service'
import { ImportError, MAX_IMPORT_BYTES } from './import-error'
import { settleRuns } from './import-run'
import { importErrorOf } from './import-tasks'
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

export interface ImportPorts {
  dialogs: FileDialogs
  jobs: JobRunner
  vault: Pick<VaultService, 'copyDataKey' | 'paths' | 'status'>
}

type Cancelled = { status: 'cancelled' }
export type ApplyOutcome = ImportResult | Cancelled

interface Chosen {
  planId: string
  kind: ImportOptions['kind']
  /** In shared memory: every job reads them without a copy. */
  bytes: Uint8Array
  /** The connection it was chosen under: after a lock and unlock the preview is not current. */
  db: Database.Database
}

export function createImportService(ctx: ServiceContext, ports: ImportPorts, options: ImportServiceOptions = {}) {
  const { dialogs } = ports
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES
  let chosen: Chosen | null = null
  /** Runs a worker of this process is writing or undoing: not cut off, whatever their state says. */
  const live = new Set<string>()

  const inWorker = <N extends 'import.preview' | 'import.apply' | 'import.undo'>(name: N, input: JobInput<N>) =>
    ports.jobs.run('import', { name, input, database: ports.vault.paths.database, key: transferableKey(ports.vault.copyDataKey()) })

  /** After a stop or a failed worker: the run comes out again now, or at the next unlock. */
  const undo = async (runId: string): Promise<void> => {
    if (ports.vault.status() !== 'unlocked') return
    await inWorker('import.undo', { runIds: [runId] })
  }

  const current = (planId: string, importOptions: ImportOptions): Chosen => {
    const db = ctx.db()
    if (chosen !== null && chosen.db !== db) chosen = null
    if (chosen === null || chosen.planId !== planId || chosen.kind !== importOptions.kind) throw new ImportError('plan_expired')
    return chosen
  }

  /** The file planned in a worker; null when it was stopped (then the file is forgotten). */
  const previewOf = async (file: Chosen, importOptions: ImportOptions): Promise<ImportPreview | null> => {
    const run = await inWorker('import.preview', { bytes: file.bytes, options: importOptions, now: ctx.clock.now(), maxBytes })
    if (run.status === 'cancelled') return null
    if (run.output.status === 'invalid') throw importErrorOf(run.output)
    return { planId: file.planId, kind: file.kind, ...run.output.preview }
  }

  return {
    async choose(importOptions: ImportOptions): Promise<Cancelled | { status: 'ready'; preview: ImportPreview }> {
      ctx.db() // VAULT_LOCKED before any dialog
      chosen = null
      const path = await dialogs.chooseOpenPath(OPEN_KIND[importOptions.kind])
      if (path === null) return { status: 'cancelled' }
      const db = ctx.db()
      const file: Chosen = { planId: randomUUID(), kind: importOptions.kind, bytes: await readImportBytes(path, maxBytes), db }
      const preview = await previewOf(file, importOptions)
      if (preview === null) return { status: 'cancelled' }
      chosen = file
      return { status: 'ready', preview }
    },

    async preview(input: { planId: string; options: ImportOptions }): Promise<ImportPreview | Cancelled> {
      const file = current(input.planId, input.options)
      const preview = await previewOf(file, input.options)
      if (preview !== null) return preview
      if (chosen === file) chosen = null
      return { status: 'cancelled' }
    },

    async apply(input: { planId: string; options: ImportOptions }): Promise<ApplyOutcome> {
      const file = current(input.planId, input.options)
      chosen = null
      const runId = randomUUID()
      live.add(runId)
      try {
        const run = await inWorker('import.apply', { runId, bytes: file.bytes, options: input.options, now: ctx.clock.now(), maxBytes }).catch(async (error: unknown) => {
          await undo(runId).catch(() => undefined) // a worker that died could not undo its own run; else the next unlock does
          throw error
        })
        if (run.status === 'cancelled') {
          await undo(runId)
          return { status: 'cancelled' }
        }
        if (run.output.status === 'invalid') throw importErrorOf(run.output)
        return { status: 'imported', ...run.output.counts }
      } finally {
        live.delete(runId)
        ctx.events.emit('data.changed', { tables: ALL_TABLES })
      }
    },

    /** At unlock, before anything reads, on the opening connection: see settleRuns. */
    settleRuns: (db: Database.Database): void => settleRuns(db, live),

    discard(input: { planId: string }): { discarded: boolean } {
      const had = chosen?.planId === input.planId
      if (had) chosen = null
      return { discarded: had }
    },
  }
}

export type ImportService = ReturnType<typeof createImportService>
