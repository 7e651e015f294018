/**
 * Syncs on its own while the vault is unlocked and sync is on, one pass at a time, each run as
 * a `sync` job (progress as `job.progress`, stopped by `jobs.cancel`; docs/sync.md, "Running
 * as a job"). A pass starts:
 * - `settleMs` (2 s) after the last of a burst of saves to synced tables, after the vault
 *   opens and after sync is turned on (sync-signals.ts);
 * - `folderSettleMs` (0.5 s) after the last change in the folder's devices/ that may be
 *   another computer's file (`watchFolder`: open while unlocked and on, closed at lock,
 *   turn-off and stop; this computer's own files and engines' temporary and conflict files are
 *   not news, so writing its own file never wakes it);
 * - at start and every `intervalMs` (30 s), in case a watch misses something (network shares).
 * A reason to pass that comes while one runs makes one more pass after it. A failure (the
 * folder's drive not connected, say) is logged by code and tried again next time.
 */
import { join } from 'node:path'
import type { Logger, SetTimer, WatchFolder } from '../ports'
import { DEVICES_DIR, wakesSync } from './folder-names'
import type { SyncService } from './sync.service'

export interface SyncSchedulerOptions {
  core: {
    sync: Pick<SyncService, 'status' | 'syncNow' | 'busy' | 'subscribe'>
    vault: { status(): 'none' | 'locked' | 'unlocked' }
    logger?: Logger
  }
  setTimer: SetTimer
  intervalMs?: number
  settleMs?: number
  folderSettleMs?: number
  /** Without it, only saves and the timer start passes. */
  watchFolder?: WatchFolder
}

export function createSyncScheduler(options: SyncSchedulerOptions) {
  const { core, setTimer } = options
  const interval = options.intervalMs ?? 30_000
  const settle = options.settleMs ?? 2_000
  const folderSettle = options.folderSettleMs ?? 500
  let timer: { cancel(): void } | null = null
  let settling: { cancel(): void } | null = null
  let watching: { key: string; close(): void } | null = null
  let unsubscribe: (() => void) | null = null
  let running = false
  let passing = false
  let again = false

  const unwatch = (): void => {
    watching?.close()
    watching = null
  }

  const watch = (folder: string, device: string): void => {
    const key = `${folder}\u0000${device}`
    if (!options.watchFolder || !running || watching?.key === key) return
    unwatch()
    const handle = options.watchFolder(join(folder, DEVICES_DIR), (path) => {
      if (path === null || wakesSync(`${DEVICES_DIR}/${path}`, device)) soon(folderSettle)
    })
    watching = { key, close: () => handle.close() }
  }

  const check = async (): Promise<void> => {
    if (core.vault.status() !== 'unlocked') return unwatch()
    try {
      const status = core.sync.status()
      if (!status.enabled) return unwatch()
      watch(status.folder, status.deviceId)
      // Joining a pass started elsewhere (Sync now): a save may have come after it captured.
      if (core.sync.busy()) again = true
      await core.sync.syncNow({})
    } catch (error) {
      unwatch()
      core.logger?.warn('sync.pass_failed', { code: (error as { code?: string }).code ?? 'UNKNOWN' })
    }
  }

  /** One pass now, or one more after the pass that runs. */
  const pass = async (): Promise<void> => {
    if (passing) {
      again = true
      return
    }
    passing = true
    try {
      do {
        again = false
        await check()
      } while (again && running)
    } finally {
      passing = false
    }
  }

  /** A pass `ms` after the last call (a burst is one pass). */
  function soon(ms: number): void {
    settling?.cancel()
    settling = running
      ? setTimer(() => {
          settling = null
          void pass()
        }, ms)
      : null
  }

  const schedule = (): void => {
    timer?.cancel()
    if (!running) return
    timer = setTimer(() => {
      void pass().then(schedule)
    }, interval)
  }

  return {
    start(): void {
      if (running) return
      running = true
      unsubscribe = core.sync.subscribe((signal) => {
        if (signal !== 'closed') return soon(settle)
        settling?.cancel()
        settling = null
        unwatch()
      })
      void pass().then(schedule)
    },
    stop(): void {
      running = false
      unsubscribe?.()
      unsubscribe = null
      for (const pending of [timer, settling]) pending?.cancel()
      timer = null
      settling = null
      unwatch()
    },
    check,
  }
}

export type SyncScheduler = ReturnType<typeof createSyncScheduler>
