import type { Clock } from '../ports'

/**
 * When the vault locks by itself. Pure: time comes from an injected Clock and timer functions,
 * power events are pushed in by the Electron glue (src/main/electron/lock.ts).
 *
 * Idle is measured inside Between: activity is reported by the app (keys seen by main through
 * webContents 'before-input-event', window focus, and throttled `ui.activity` pings from the
 * renderer for pointer and wheel). powerMonitor.getSystemIdleTime() was rejected as the source:
 * on several Linux desktops (Wayland, GNOME 42+) it returns 0 for ever (electron#34826), which
 * would keep the vault open indefinitely — failing open. With in-app activity a missing signal
 * can only lock too early, never too late.
 *
 * Rules:
 * - idle: lockTimeoutMinutes() minutes without activity -> lock('idle'), once per idle period;
 *   null means "only when I lock" and disables this rule only;
 * - suspend and screen lock always lock: a sleeping machine keeps keys in RAM, and a locked
 *   screen means the person has stepped away;
 * - Linux has no 'lock-screen' event (Electron emits it on macOS and Windows only), so there the
 *   glue passes systemIdleState (powerMonitor.getSystemIdleState, which GNOME, KDE and others
 *   answer through their screensaver interfaces) and every tick reads it: 'locked' locks once per
 *   locked period (at most one poll after the screen locked), leaving 'locked' counts as unlock;
 * - a wall-clock gap much longer than the poll interval between two ticks means the machine
 *   slept without telling us (missed suspend event): lock('suspend').
 */

export type AutoLockReason = 'idle' | 'suspend' | 'screen-lock'
export type PowerEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen'
export type SystemIdleState = 'active' | 'idle' | 'locked' | 'unknown'

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export interface AutoLockOptions {
  clock: Clock
  timers: Timers
  /** Read on every tick, so a change of preference applies at once. */
  lockTimeoutMinutes(): number | null
  lock(reason: AutoLockReason): void
  /** Linux: the system's idle state, read on every tick (see the rules above). */
  systemIdleState?(): SystemIdleState
  /** How often idleness is checked; the idle lock fires at most this late. */
  pollMs?: number
  /** A gap between ticks longer than pollMs + this means the machine was asleep. */
  sleepGapMs?: number
}

export interface AutoLock {
  start(): void
  stop(): void
  /** The person did something in the window. */
  activity(): void
  power(event: PowerEvent): void
  /** Checks now (also called by the interval). */
  tick(): void
}

export const DEFAULT_POLL_MS = 10_000
export const DEFAULT_SLEEP_GAP_MS = 60_000
const MINUTE = 60_000

export function createAutoLock(options: AutoLockOptions): AutoLock {
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS
  const sleepGapMs = options.sleepGapMs ?? DEFAULT_SLEEP_GAP_MS
  const { clock, timers } = options
  let handle: unknown = null
  let lastActivity = clock.now()
  let lastTick = clock.now()
  /** Set once the idle lock fired; cleared by the next activity. */
  let firedThisIdlePeriod = false
  /** The last systemIdleState() said 'locked'. */
  let screenLocked = false

  const fire = (reason: AutoLockReason): void => {
    firedThisIdlePeriod = true
    options.lock(reason)
  }

  /** Back from sleep or the lock screen: the person just proved they are here (and the vault is locked already). */
  const back = (): void => {
    lastTick = clock.now()
    lastActivity = lastTick
    firedThisIdlePeriod = false
  }

  /** True when the screen is locked (and the lock for it has fired). */
  const screenIsLocked = (): boolean => {
    if (!options.systemIdleState) return false
    const locked = options.systemIdleState() === 'locked'
    if (locked && !screenLocked) fire('screen-lock')
    else if (!locked && screenLocked) back()
    screenLocked = locked
    return locked
  }

  const tick = (): void => {
    const now = clock.now()
    const gap = now - lastTick
    lastTick = now
    if (handle !== null && gap > pollMs + sleepGapMs) {
      fire('suspend')
      return
    }
    if (screenIsLocked()) return
    const minutes = options.lockTimeoutMinutes()
    if (minutes === null || firedThisIdlePeriod) return
    if (now - lastActivity >= minutes * MINUTE) fire('idle')
  }

  return {
    start() {
      if (handle !== null) return
      lastActivity = clock.now()
      lastTick = lastActivity
      firedThisIdlePeriod = false
      handle = timers.setInterval(tick, pollMs)
    },
    stop() {
      if (handle === null) return
      timers.clearInterval(handle)
      handle = null
    },
    activity() {
      lastActivity = clock.now()
      firedThisIdlePeriod = false
    },
    power(event) {
      if (event === 'suspend') fire('suspend')
      else if (event === 'lock-screen') fire('screen-lock')
      // Restart the idle count and the gap detector from now.
      else back()
    },
    tick,
  }
}
