import { randomUUID } from 'node:crypto'
import type { LockReason } from '../core'
import type { AutoLock, PowerEvent, SystemIdleState } from '../core/lock/auto-lock'
import type { EventSink, Logger } from '../core/ports'
import type { ClipboardGuard } from './clipboard'
import { pushEvent, type EventTargetLike } from './register-rpc'

/**
 * Locking, the Electron side. The policy (when) is src/main/core/lock/auto-lock.ts; this is
 * the how:
 *
 *  1. flush — main sends `ui.flush` {token} on `rpc:event`; the renderer saves whatever is
 *     being edited and answers with the `ui.flushed` {token} channel. Main waits for that
 *     token, at most FLUSH_TIMEOUT_MS (500 ms); a missing, late or wrong answer never blocks
 *     the lock.
 *  2. core.lock(reason) — closes the database, zeroes the keys, emits `vault.locked`.
 *  3. after `vault.locked` (whoever locked: this controller, the renderer's `vault.lock`
 *     channel, core.close() on quit): clear the clipboard if it still holds Between's text,
 *     then restart the renderer in a fresh process so no content stays in its memory.
 */

export const FLUSH_TIMEOUT_MS = 500

export interface LockableCore {
  lock(reason: LockReason): void
  vault: { status(): 'none' | 'locked' | 'unlocked' }
}

export interface LockWindowContents extends EventTargetLike {
  forcefullyCrashRenderer(): void
  reload(): void
}

export interface LockControllerDeps {
  core: LockableCore
  /** The window's webContents, or null when there is no window. */
  getContents(): LockWindowContents | null
  clipboard: ClipboardGuard
  logger?: Logger
  flushTimeoutMs?: number
  newToken?(): string
  setTimeout?(callback: () => void, ms: number): unknown
  clearTimeout?(handle: unknown): void
  /** Defers the renderer restart until the current IPC reply is out. */
  defer?(callback: () => void): void
}

export interface LockController {
  /** Flush, then lock. Concurrent calls share one lock. Never rejects. */
  lock(reason: LockReason): Promise<void>
  /** The renderer's answer to `ui.flush`. Unknown tokens are ignored. */
  flushed(token: string): void
  /** Called when the core reports `vault.locked`: clipboard (async), fresh renderer. */
  afterLocked(reason: LockReason): void
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error)

export function createLockController(deps: LockControllerDeps): LockController {
  const timeoutMs = deps.flushTimeoutMs ?? FLUSH_TIMEOUT_MS
  const newToken = deps.newToken ?? randomUUID
  const setTimer = deps.setTimeout ?? ((callback, ms) => setTimeout(callback, ms))
  const clearTimer = deps.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  const defer = deps.defer ?? ((callback) => setImmediate(callback))
  const waiting = new Map<string, () => void>()
  let inFlight: Promise<void> | null = null

  const flush = (contents: LockWindowContents | null): Promise<void> => {
    const token = newToken()
    return new Promise<void>((resolve) => {
      const timer = setTimer(() => {
        waiting.delete(token)
        deps.logger?.warn('LOCK_FLUSH_TIMEOUT')
        resolve()
      }, timeoutMs)
      waiting.set(token, () => {
        clearTimer(timer)
        waiting.delete(token)
        resolve()
      })
      if (!pushEvent(contents, 'ui.flush', { token })) waiting.get(token)?.()
    })
  }

  const restartRenderer = (contents: LockWindowContents | null): void => {
    if (!contents || contents.isDestroyed()) return
    try {
      // A reload alone may reuse the same renderer process (and its heap). Ending the process
      // first makes the reload start in a new one (Electron docs, forcefullyCrashRenderer).
      contents.forcefullyCrashRenderer()
      contents.reload()
    } catch (error) {
      deps.logger?.error('LOCK_RENDERER_RESTART_FAILED', { errorName: errorName(error) })
    }
  }

  return {
    lock(reason) {
      if (inFlight) return inFlight
      inFlight = (async () => {
        try {
          if (deps.core.vault.status() === 'unlocked') await flush(deps.getContents())
        } catch (error) {
          deps.logger?.error('LOCK_FLUSH_FAILED', { errorName: errorName(error) })
        }
        try {
          deps.core.lock(reason)
        } catch (error) {
          deps.logger?.error('LOCK_FAILED', { errorName: errorName(error), reason })
        }
        // Already locked (nothing emitted): still clear what Between copied.
        if (deps.core.vault.status() !== 'unlocked') await deps.clipboard.clearIfOurs()
      })().finally(() => {
        inFlight = null
      })
      return inFlight
    },
    flushed(token) {
      waiting.get(token)?.()
    },
    afterLocked(reason) {
      void deps.clipboard.clearIfOurs()
      // Quitting closes the window anyway; a restore reopens the vault in the same call and the
      // window that asked for it shows the result.
      if (reason === 'quit' || reason === 'restore') return
      defer(() => restartRenderer(deps.getContents()))
    },
  }
}

/** The core's EventSink that also runs the lock's aftermath on `vault.locked`. */
export function withLockAftermath(sink: EventSink, controller: Pick<LockController, 'afterLocked'>): EventSink {
  return {
    emit(event: 'data.changed' | 'vault.locked', payload: never) {
      sink.emit(event as 'data.changed', payload)
      if (event === 'vault.locked') controller.afterLocked((payload as { reason: LockReason }).reason)
    },
  } as EventSink
}

export interface PowerMonitorLike {
  on(event: PowerEvent, listener: () => void): unknown
  removeListener(event: PowerEvent, listener: () => void): unknown
}

const POWER_EVENTS: readonly PowerEvent[] = ['suspend', 'resume', 'lock-screen', 'unlock-screen']

/** Feeds powerMonitor's events to the auto-lock policy. Returns an unsubscribe function. */
export function wirePowerEvents(powerMonitor: PowerMonitorLike, autoLock: Pick<AutoLock, 'power'>): () => void {
  const listeners = POWER_EVENTS.map((event) => {
    const listener = (): void => autoLock.power(event)
    powerMonitor.on(event, listener)
    return [event, listener] as const
  })
  return () => {
    for (const [event, listener] of listeners) powerMonitor.removeListener(event, listener)
  }
}

export interface IdleStateSourceLike {
  getSystemIdleState(idleThresholdSeconds: number): SystemIdleState
}

/** Only 'locked' is read; the idle rule uses Between's own activity (auto-lock.ts). */
const IDLE_THRESHOLD_SECONDS = 60

/**
 * Linux's screen lock, for the auto-lock policy to poll: Electron's 'lock-screen' event exists
 * on macOS and Windows only, so on Linux the policy reads powerMonitor.getSystemIdleState()
 * and locks on 'locked'. Elsewhere undefined: the events are enough.
 */
export function linuxScreenLockProbe(platform: NodeJS.Platform, powerMonitor: IdleStateSourceLike): (() => SystemIdleState) | undefined {
  if (platform !== 'linux') return undefined
  return () => powerMonitor.getSystemIdleState(IDLE_THRESHOLD_SECONDS)
}

export interface SessionEndSourceLike {
  on(event: 'query-session-end' | 'session-end', listener: () => void): unknown
}

/**
 * Windows log-off, restart and shutdown. Electron emits no before-quit then, only the window's
 * 'query-session-end' (the session is about to end) and 'session-end' (it ends, no way back):
 * both start the quit path, which saves the draft, locks and closes the vault. It starts on the
 * first so the work is done before Windows stops waiting; the shutdown itself is never delayed.
 */
export function wireSessionEnd(win: SessionEndSourceLike, quit: () => void): void {
  win.on('query-session-end', quit)
  win.on('session-end', quit)
}

export interface InputSourceLike {
  on(event: 'before-input-event', listener: (event: unknown, input: { type: string }) => void): unknown
  on(event: 'focus', listener: () => void): unknown
}

/**
 * Key presses in our window count as activity, seen by main directly (the key itself is never
 * read). Pointer and wheel activity comes from the renderer's throttled `ui.activity` calls.
 */
export function watchKeyboardActivity(contents: InputSourceLike, autoLock: Pick<AutoLock, 'activity'>): void {
  contents.on('before-input-event', (_event, input) => {
    if (input.type === 'keyDown') autoLock.activity()
  })
  contents.on('focus', () => autoLock.activity())
}
