/**
 * What a job's task is given: its own connection to the vault (or a key for a database it opens
 * itself), a way to report progress, and a code-only logger. Tasks are plain synchronous
 * functions: in a worker thread blocking is fine.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { JobPhase } from '../../../shared/ipc/schemas/jobs'
import type { Logger } from '../ports'

export interface JobContext {
  /** The worker's own connection to the vault. */
  db(): Database.Database
  /** The key the job was given when it opens no vault (a backup's own key); zeroed after the task. */
  key(): Buffer
  progress(phase: JobPhase, done: number, total: number): void
  logger: Logger
}

export type JobTask<I, O> = (job: JobContext, input: I) => O
