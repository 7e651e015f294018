/**
 * The checkpoint asked for after deletes, so deleted text leaves the WAL soon, without ever
 * holding the main thread: a reader elsewhere (a backup or export job's read transaction) makes a
 * TRUNCATE checkpoint wait for the connection's busy timeout (5 s). Here it does not wait: when a
 * reader is in the way it copies what it can, reports busy, and is tried again a little later
 * until it goes through or the vault locks (locking checkpoints, waiting, as it closes).
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { JobContext } from '../jobs/job-context'

export const CHECKPOINT_RETRY_MS = 500

/** A retry never keeps the process alive. */
const later = (retry: () => void): void => void setTimeout(retry, CHECKPOINT_RETRY_MS).unref()

/** True when the WAL was emptied; false when a reader kept part of it. */
function checkpointWithoutWaiting(db: Database.Database): boolean {
  const waited = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
    return result?.busy === 0
  } finally {
    db.pragma(`busy_timeout = ${waited}`)
  }
}

/**
 * `openDb` answers the vault's connection while it is unlocked, null once locked: a retry after
 * a lock (or for an older connection) does nothing. A retry that fails is reported, not thrown:
 * it runs on a timer, with no caller to reach.
 */
export function createCheckpointer(openDb: () => Database.Database | null, onRetryFailed: (error: unknown) => void) {
  let retrying: Database.Database | null = null
  const retryLater = (db: Database.Database): void => {
    const again = (): void => {
      if (openDb() !== db || !db.open) {
        retrying = null
        return
      }
      try {
        if (checkpointWithoutWaiting(db)) retrying = null
        else later(again)
      } catch (error) {
        retrying = null
        onRetryFailed(error)
      }
    }
    later(again)
  }
  return {
    checkpoint(db: Database.Database): void {
      if (checkpointWithoutWaiting(db) || retrying === db) return
      retrying = db
      retryLater(db)
    },
  }
}

export interface CheckpointWhileInput {
  /** One Int32: 0 while the work goes on; set (and notified) to stop. Shared with the main thread. */
  stop: SharedArrayBuffer
  everyMs: number
}

/** checkpointWhile's input told to stop before it starts: one PASSIVE checkpoint, then done. */
export function oneCheckpoint(): CheckpointWhileInput {
  const stop = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  Atomics.store(new Int32Array(stop), 0, 1)
  return { stop, everyMs: 0 }
}

/**
 * A job task for a worker's own connection: PASSIVE checkpoints every `everyMs` until told to
 * stop, then one more. Each copies what the WAL holds into the database file and waits for the
 * disk here, never on the main thread, and never blocks the main connection's writers (PASSIVE
 * takes no writer lock and waits for no one). One thread for a whole long sync pass: starting a
 * worker per checkpoint cost more CPU than the checkpoints.
 */
export function checkpointWhile(job: JobContext, input: CheckpointWhileInput): { checkpoints: number; checkpointed: number } {
  const stop = new Int32Array(input.stop)
  let checkpoints = 0
  let checkpointed = 0
  const once = (): void => {
    const [result] = job.db().pragma('wal_checkpoint(PASSIVE)') as Array<{ checkpointed: number }>
    checkpoints++
    checkpointed += Math.max(0, result?.checkpointed ?? 0)
  }
  while (Atomics.load(stop, 0) === 0) {
    once()
    Atomics.wait(stop, 0, 0, input.everyMs)
  }
  once()
  return { checkpoints, checkpointed }
}
