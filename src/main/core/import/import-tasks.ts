/**
 * Imports as job tasks (they run in a worker thread on its own connection): plan the chosen
 * file's bytes again with the person's choices (the same plan the preview showed), then write
 * it as an import run (import-apply.ts); and undo a run a cancel or a crash cut off.
 *
 * A file's problem comes back as a value (its problem code and our own words for where), so
 * the main thread can say the same sentence the preview would have: a job's failure carries
 * only an error code.
 */
import type { ImportOptions } from '../../../shared/ipc/schemas/import'
import type { JobTask } from '../jobs/job-context'
import { applyPlan } from './import-apply'
import type { ImportCounts } from './import-counts'
import { ImportError, type ImportProblem } from './import-error'
import { planImport } from './import-planner'
import { notesOf, pauseBetweenSlices, undoRun } from './import-run'

export interface ImportJobInput {
  runId: string
  bytes: Uint8Array
  options: ImportOptions
  now: number
  maxBytes: number
}

export type ImportJobOutput =
  | { status: 'imported'; counts: ImportCounts }
  | { status: 'invalid'; problem: ImportProblem; where: string | null; detail: string | null }

export const applyImport: JobTask<ImportJobInput, ImportJobOutput> = (job, input) => {
  const db = job.db()
  try {
    job.progress('reading', 0, 1)
    const plan = planImport(db, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), input.options, input.now, input.maxBytes)
    const counts = applyPlan(db, input.runId, plan, input.now, (done, total) => job.progress('importing', done, total))
    return { status: 'imported', counts }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    return { status: 'invalid', problem: error.problem, where: error.where ?? null, detail: error.detail ?? null }
  }
}

/** Undoes the given runs (cut off by a cancel or a crash), reporting how much is left to undo. */
export const undoImports: JobTask<{ runIds: string[] }, { undone: number }> = (job, { runIds }) => {
  const db = job.db()
  for (const runId of runIds) {
    const total = notesOf(db, runId)
    undoRun(db, runId, (left) => {
      job.progress('undoing', total - left, total)
      pauseBetweenSlices()
    })
  }
  return { undone: runIds.length }
}

/** The sentence for a problem the worker found, rebuilt on this side. */
export const importErrorOf = (output: Extract<ImportJobOutput, { status: 'invalid' }>): ImportError =>
  new ImportError(output.problem, output.where ?? undefined, output.detail ?? undefined)
