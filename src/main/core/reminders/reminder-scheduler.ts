/**
 * Fires reminders at their time. Checks on start, on every check() (call it after unlock) and
 * at least every `maxSleepMs` while running; between checks it sleeps until the next due
 * reminder. Timers and the clock are injected, so tests run it on a fake clock.
 *
 * While the vault is locked the database cannot be read. The scheduler keeps, in memory only,
 * the kinds and times of the reminders due in the next day (no content, no IDs of records)
 * from the last unlocked check, shows those at their time with the generic text, and records
 * them as shown at the next unlock. A reminder never carries content, locked or not.
 */
import { CoreError } from '../errors'
import type { Clock, Logger, Notifier, SetTimer } from '../ports'
import type { DueReminder, RemindersService } from './reminders.service'

export interface ReminderSchedulerOptions {
  core: { reminders: RemindersService; vault: { status(): 'none' | 'locked' | 'unlocked' }; logger?: Logger }
  clock: Clock
  notifier: Notifier
  setTimer: SetTimer
  /** Longest sleep between checks (new drafts and sessions are picked up by then). */
  maxSleepMs?: number
  /** How far ahead the in-memory plan for locked time reaches. */
  lockedPlanMs?: number
}

export interface ReminderScheduler {
  start(): void
  stop(): void
  /** Check now (e.g. right after unlock, or after a reminder setting changed). */
  check(): void
}

export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { core, clock, notifier, setTimer } = options
  const maxSleep = options.maxSleepMs ?? 60_000
  const planSpan = options.lockedPlanMs ?? 24 * 3_600_000
  let timer: { cancel(): void } | null = null
  let running = false
  /** Due in the next day, from the last unlocked check: kinds and times only. */
  let plan: DueReminder[] = []
  /** Shown while locked; recorded as shown at the next unlocked check. */
  let shownWhileLocked: string[] = []

  const checkUnlocked = (): void => {
    const reminders = core.reminders
    if (shownWhileLocked.length > 0) {
      reminders.markShown(shownWhileLocked, clock.now())
      shownWhileLocked = []
    }
    reminders.sync()
    for (const kind of reminders.fireDue()) notifier.show(kind)
    plan = reminders.upcoming(clock.now() + planSpan)
  }

  const checkLocked = (): void => {
    const now = clock.now()
    const due = plan.filter((item) => item.dueAt <= now)
    if (due.length === 0) return
    plan = plan.filter((item) => item.dueAt > now)
    for (const kind of new Set(due.map((item) => item.kind))) notifier.show(kind)
    shownWhileLocked.push(...due.map((item) => item.id))
  }

  const check = (): void => {
    try {
      if (core.vault.status() === 'unlocked') checkUnlocked()
      else checkLocked()
    } catch (error) {
      // Locked mid-check: the next check picks up. Anything else is logged by code only.
      if (!(error instanceof CoreError && error.code === 'VAULT_LOCKED')) {
        core.logger?.error('reminders.check_failed', { errorName: error instanceof Error ? error.name : typeof error })
      }
    }
  }

  const schedule = (): void => {
    timer?.cancel()
    if (!running) return
    const now = clock.now()
    const next = plan.reduce((min, item) => Math.min(min, item.dueAt), Number.POSITIVE_INFINITY)
    const sleep = Math.max(1_000, Math.min(maxSleep, next - now))
    timer = setTimer(() => {
      timer = null
      check()
      schedule()
    }, sleep)
  }

  return {
    start() {
      if (running) return
      running = true
      check()
      schedule()
    },
    stop() {
      running = false
      timer?.cancel()
      timer = null
    },
    check() {
      check()
      schedule()
    },
  }
}
