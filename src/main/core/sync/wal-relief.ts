/**
 * Checkpoints during a sync pass, off the main thread. SQLite's automatic checkpoint runs inside
 * whichever commit takes the WAL past 1,000 pages: it copies them into the database file and
 * waits for the disk twice, on the main thread. During a catch-up that was the longest stall
 * (100–700 ms on a busy disk, with 20 ms of CPU). So while a pass runs the main connection does
 * not checkpoint by itself; once the pass has made `every` writes (operations applied plus rows
 * written), a worker on its own connection runs a PASSIVE checkpoint every few hundred
 * milliseconds (it never blocks this connection's writers) until the pass ends, then one more.
 * Then the automatic checkpoint is switched back on. A small pass (one edit) starts no worker:
 * what it wrote is checkpointed as before, with a later commit.
 */
import type Database from 'better-sqlite3-multiple-ciphers'

/** Writes before a pass starts its checkpointer (a few hundred WAL pages). */
export const CHECKPOINT_AFTER_WRITES = 1_000
/** How often the checkpointer checkpoints. */
export const CHECKPOINT_EVERY_MS = 500

/** Runs PASSIVE checkpoints elsewhere until `stop` (one Int32) is set and notified, then one more. */
export type Checkpointer = (input: { stop: SharedArrayBuffer; everyMs: number }) => Promise<unknown>

export interface WalRelief {
  /** `count` more writes were committed. */
  wrote(count: number): void
  /** Stops the checkpointer, waits for its last checkpoint and switches the automatic one back on (call once, also after a failure). */
  end(): Promise<void>
}

/**
 * `checkpointer` absent (no worker to run it): nothing changes. A checkpointer that fails only
 * leaves more in the WAL: the automatic checkpoint takes it once switched back on, so the
 * failure is not the pass's.
 */
export function relieveWal(db: Database.Database, checkpointer: Checkpointer | undefined, after = CHECKPOINT_AFTER_WRITES): WalRelief {
  if (!checkpointer) return { wrote: () => undefined, end: async () => undefined }
  const automatic = db.pragma('wal_autocheckpoint', { simple: true }) as number
  db.pragma('wal_autocheckpoint = 0')
  const stop = new SharedArrayBuffer(4)
  let writes = 0
  let running: Promise<unknown> | null = null
  return {
    wrote(count) {
      writes += count
      if (writes >= after && running === null) running = checkpointer({ stop, everyMs: CHECKPOINT_EVERY_MS }).catch(() => undefined)
    },
    async end() {
      try {
        const flag = new Int32Array(stop)
        Atomics.store(flag, 0, 1)
        Atomics.notify(flag, 0)
        await running
      } finally {
        if (db.open) db.pragma(`wal_autocheckpoint = ${automatic}`)
      }
    },
  }
}
