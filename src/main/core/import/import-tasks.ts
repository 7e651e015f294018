/**
 * Imports as job tasks (they run in a worker thread on its own connection): plan the chosen
 * file's bytes with the person's choices for the preview; for the apply, plan them again (the
 * same plan the preview showed) and write it as an import run (import-apply.ts); and undo a run
 * a cancel or a crash cut off.
 *
 * A file's problem comes back as a value (its problem code and our own words for where), so
 * the main thread can say the same sentence the preview would have: a job's failure carries
 * only an error code.
 */
import type { ImportOptions } from '../../../shared/ipc/schemas/import'
import type { JobContext, JobTask } from '../jobs/job-context'
import { applyPlan } from './import-apply'
import type { ImportCounts } from './import-counts'
import { ImportError, type ImportProblem } from './import-error'
import type { ImportPlan, PreviewBody } from './import-plan'
import { planImport } from './import-planner'
import { notesOf, pauseBetweenSlices, undoRun } from './import-run'

/** The chosen file's bytes (in shared memory: no copy on the way here) and the person's choices. */
export interface PlanJobInput {
  bytes: Uint8Array
  options: ImportOptions
  now: number
  maxBytes: number
}

export interface ImportJobInput extends PlanJobInput {
  runId: string
}

type Invalid = { status: 'invalid'; problem: ImportProblem; where: string | null; detail: string | null }

export type ImportJobOutput = { status: 'imported'; counts: ImportCounts } | Invalid
export type PreviewJobOutput = { status: 'planned'; preview: PreviewBody } | Invalid

/** The file's problem as a value; any other failure stays a failure. */
function unlessInvalid<O>(work: () => O): O | Invalid {
  try {
    return work()
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    return { status: 'invalid', problem: error.problem, where: error.where ?? null, detail: error.detail ?? null }
  }
}

/** Reads and plans the file (the one planning path, for the preview and the apply alike). */
function planInJob(job: JobContext, input: PlanJobInput): ImportPlan {
  job.progress('reading', 0, 1)
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
  const plan = planImport(job.db(), bytes, input.options, input.now, input.maxBytes)
  job.progress('reading', 1, 1)
  return plan
}

/** What importing the file would do, for the person to confirm; writes nothing. */
export const previewImport: JobTask<PlanJobInput, PreviewJobOutput> = (job, input) =>
  unlessInvalid(() => ({ status: 'planned' as const, preview: planInJob(job, input).preview }))

export const applyImport: JobTask<ImportJobInput, ImportJobOutput> = (job, input) =>
  unlessInvalid(() => {
    const plan = planInJob(job, input)
    const counts = applyPlan(job.db(), input.runId, plan, input.now, (done, total) => job.progress('importing', done, total))
    return { status: 'imported' as const, counts }
  })

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
export const importErrorOf = (output: Invalid): ImportError =>
  new ImportError(output.problem, output.where ?? undefined, output.detail ?? undefined)
