import { z } from 'zod'

/** Long work that runs off the main process (DESIGN.md "Where work runs"). */
/**
 * `backup-list`: checking the files in the backup folder (each read whole) for the list.
 * `sync`: a sync pass (it runs on the main thread in short slices, but reports and stops as a job).
 * `rotate-key`: re-encrypting the vault under a new data key (the vault answers nothing else meanwhile).
 * `update`: the schema update at the first unlock after an update of Between (the lock screen shows it).
 */
export const JOB_OPS = ['backup', 'backup-test', 'restore', 'export', 'backup-list', 'sync', 'import', 'rotate-key', 'update'] as const
export type JobOp = (typeof JOB_OPS)[number]

/**
 * What a job is doing now: shown under its progress bar. `importing`: an import's records going
 * in; `undoing`: a stopped import's records coming out again. `updating`: a schema update's steps
 * (done of total migrations); `indexing`: the entries of a search index being rebuilt by one of them.
 */
export const JOB_PHASES = ['copying', 'checking', 'writing', 'verifying', 'reading', 'sending', 'applying', 'importing', 'undoing', 'updating', 'indexing'] as const
export type JobPhase = (typeof JOB_PHASES)[number]

/** The `job.progress` push event: `done` of `total` units (bytes or items) of `phase`. */
export interface JobProgress {
  op: JobOp
  phase: JobPhase
  done: number
  total: number
}

export const jobCancelInput = z.strictObject({ op: z.enum(JOB_OPS) })

/** `cancelled`: a running job of that kind was stopped (its call answers `cancelled`). */
export const jobCancelResult = z.strictObject({ cancelled: z.boolean() })
