/**
 * Checkpoints during a sync pass, off the main thread. SQLite's automatic checkpoint runs inside
 * whichever commit takes the WAL past 1,000 pages: it copies them into the database file and
 * waits for the disk twice, on the main thread. During a catch-up that was the longest stall
 * (100–700 ms on a busy disk, with 20 ms of CPU). So while a pass runs the main connection does
 * not checkpoint by itself; after every `every` writes (operations applied plus rows written) a
 * PASSIVE checkpoint runs in a worker on its own connection, which never blocks this
 * connection's writers; and once more at the end of a pass that wrote that much since the last
 * one. Then the automatic checkpoint is switched back on. A small pass (one edit) starts no
 * worker: what it wrote is checkpointed as before, with the next save's commit.
 */
import type Database from 'better-sqlite3-multiple-ciphers'

/** Writes between two checkpoints (a few hundred WAL pages). */
export const CHECKPOINT_EVERY_WRITES = 1_000

export interface WalRelief {
  /** `count` more writes were committed. */
  wrote(count: number): void
  /** Waits for the checkpoints and switches the automatic one back on (call once, also after a failure). */
  end(): Promise<void>
}

/**
 * `checkpoint` runs a PASSIVE checkpoint elsewhere; absent (no worker to run it), nothing
 * changes. A checkpoint that fails only leaves more in the WAL: the automatic checkpoint
 * takes it once switched back on, so the failure is not the pass's.
 */
export function relieveWal(db: Database.Database, checkpoint: (() => Promise<unknown>) | undefined, every = CHECKPOINT_EVERY_WRITES): WalRelief {
  if (!checkpoint) return { wrote: () => undefined, end: async () => undefined }
  const automatic = db.pragma('wal_autocheckpoint', { simple: true }) as number
  db.pragma('wal_autocheckpoint = 0')
  let since = 0
  let running: Promise<void> | null = null
  const start = (): void => {
    since = 0
    running = checkpoint().then(
      () => void (running = null),
      () => void (running = null),
    )
  }
  return {
    wrote(count) {
      since += count
      if (since >= every && running === null) start()
    },
    async end() {
      try {
        await running
        if (since >= every) start()
        await running
      } finally {
        if (db.open) db.pragma(`wal_autocheckpoint = ${automatic}`)
      }
    },
  }
}
