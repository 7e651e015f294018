/**
 * Automatic daily backups: while the vault is unlocked, at start, on check() (call it after
 * unlock) and every `intervalMs`, a backup is made into the backup folder when the newest one
 * there is a day old or more. A failure (the folder's drive is not connected, say) is kept for
 * backup.listAvailable to show and tried again at the next check.
 */
import type { Clock, Logger, SetTimer } from '../ports'
import type { BackupService } from './backup.service'

export interface BackupSchedulerOptions {
  core: { backups: BackupService; vault: { status(): 'none' | 'locked' | 'unlocked' }; logger?: Logger }
  clock: Clock
  setTimer: SetTimer
  intervalMs?: number
}

export function createBackupScheduler(options: BackupSchedulerOptions) {
  const { core, setTimer } = options
  const interval = options.intervalMs ?? 3_600_000
  let timer: { cancel(): void } | null = null
  let running = false

  let checking: Promise<unknown> | null = null

  /** Starts a due backup (in a worker) unless one is already under way; the promise is for tests. */
  const check = (): Promise<unknown> => {
    if (core.vault.status() !== 'unlocked') return Promise.resolve(null)
    // A failure is recorded by the service (lastAutomaticFailure), logged by code, retried next time.
    checking ??= core.backups
      .dailyIfDue()
      .catch(() => null)
      .finally(() => {
        checking = null
      })
    return checking
  }

  const schedule = (): void => {
    timer?.cancel()
    if (!running) return
    timer = setTimer(() => {
      const done = check()
      schedule()
      return done
    }, interval)
  }

  return {
    start(): void {
      if (running) return
      running = true
      void check()
      schedule()
    },
    stop(): void {
      running = false
      timer?.cancel()
      timer = null
    },
    check,
  }
}

export type BackupScheduler = ReturnType<typeof createBackupScheduler>
