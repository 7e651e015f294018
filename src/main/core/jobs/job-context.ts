/**
 * What a job's task is given: its own connection to the vault (or a key for a database it opens
 * itself), a way to report progress, and a code-only logger. Tasks are plain synchronous
 * functions: in a worker thread blocking is fine, and the same function also runs inline on a
 * connection the caller already holds (a backup before a schema update, while the vault opens).
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { JobPhase } from '../../../shared/ipc/schemas/jobs'
import { CoreError } from '../errors'
import type { Logger } from '../ports'

export interface JobContext {
  /** The worker's own connection to the vault (or the caller's, inline). */
  db(): Database.Database
  /** The key the job was given when it opens no vault (a backup's own key); zeroed after the task. */
  key(): Buffer
  progress(phase: JobPhase, done: number, total: number): void
  logger: Logger
}

export type JobTask<I, O> = (job: JobContext, input: I) => O

const noKey = (): never => {
  throw new CoreError('INTERNAL', { cause: { code: 'JOB_WITHOUT_KEY' } })
}

/** A task run inline, on a connection the caller holds; no progress is reported. */
export function inlineJob(db: Database.Database, logger: Logger): JobContext {
  return { db: () => db, key: noKey, progress: () => undefined, logger }
}
