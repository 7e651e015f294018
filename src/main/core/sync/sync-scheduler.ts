/**
 * Syncs on its own while the vault is unlocked and sync is on: at start and every `intervalMs`
 * (30 s by default), one pass in chunks that yield to the event loop, run as a `sync` job
 * (progress as `job.progress`, stopped by `jobs.cancel`; docs/sync.md, "Wiring"). A failure (the folder's drive not connected, say) is logged by
 * code and tried again next time; a removed device stops trying until sync is set up again.
 */
import type { Logger, SetTimer } from '../ports'
import type { SyncService } from './sync.service'

export interface SyncSchedulerOptions {
  core: { sync: SyncService; vault: { status(): 'none' | 'locked' | 'unlocked' }; logger?: Logger }
  setTimer: SetTimer
  intervalMs?: number
}

export function createSyncScheduler(options: SyncSchedulerOptions) {
  const { core, setTimer } = options
  const interval = options.intervalMs ?? 30_000
  let timer: { cancel(): void } | null = null
  let running = false

  const check = async (): Promise<void> => {
    if (core.vault.status() !== 'unlocked') return
    try {
      if (!core.sync.status().enabled) return
      await core.sync.syncNow({})
    } catch (error) {
      core.logger?.warn('sync.pass_failed', { code: (error as { code?: string }).code ?? 'UNKNOWN' })
    }
  }

  const schedule = (): void => {
    timer?.cancel()
    if (!running) return
    timer = setTimer(() => {
      void check().then(schedule)
    }, interval)
  }

  return {
    start(): void {
      if (running) return
      running = true
      void check().then(schedule)
    },
    stop(): void {
      running = false
      timer?.cancel()
      timer = null
    },
    check,
  }
}

export type SyncScheduler = ReturnType<typeof createSyncScheduler>
