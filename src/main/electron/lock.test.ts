import { describe, expect, it, vi } from 'vitest'
import { createAutoLock } from '../core/lock/auto-lock'
import { createClipboardGuard } from './clipboard'
import { createLockController, FLUSH_TIMEOUT_MS, linuxScreenLockProbe, watchKeyboardActivity, wirePowerEvents, wireSessionEnd, withLockAftermath, type LockableCore } from './lock'
import { RPC_EVENT } from './register-rpc'

type Reason = Parameters<LockableCore['lock']>[0]

/** Fake timers that run when the test says so. */
function fakeTimers() {
  let nextId = 1
  const pending = new Map<number, { callback: () => void; ms: number }>()
  return {
    pending,
    setTimeout: (callback: () => void, ms: number) => {
      const id = nextId++
      pending.set(id, { callback, ms })
      return id
    },
    clearTimeout: (id: unknown) => pending.delete(id as number),
    fireAll: () => {
      for (const [id, { callback }] of [...pending]) {
        pending.delete(id)
        callback()
      }
    },
  }
}

/** Electron 45's clipboard is asynchronous; `now()` reads it synchronously for assertions. */
function fakeClipboard(initial = '') {
  let text = initial
  return {
    writeText: vi.fn(async (t: string) => {
      text = t
    }),
    readText: async () => text,
    clear: vi.fn(() => {
      text = ''
    }),
    set: (t: string) => {
      text = t
    },
    now: () => text,
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

function setup(options: { answer?: 'ack' | 'late' | 'wrong-token' | 'none'; noWindow?: boolean; status?: 'unlocked' | 'locked' } = {}) {
  const order: string[] = []
  let status: 'none' | 'locked' | 'unlocked' = options.status ?? 'unlocked'
  const timers = fakeTimers()
  const deferred: Array<() => void> = []
  const clipboard = fakeClipboard()
  const guard = createClipboardGuard(clipboard)
  const renderer = { send: vi.fn(), isDestroyed: () => false, forcefullyCrashRenderer: vi.fn(() => order.push('crash')), reload: vi.fn(() => order.push('reload')) }
  const late: { controller?: ReturnType<typeof createLockController> } = {}
  const sink = withLockAftermath({ emit: (event: string) => order.push(`emit:${event}`) } as never, {
    afterLocked: (reason) => late.controller?.afterLocked(reason),
  })
  const core: LockableCore = {
    vault: { status: () => status },
    lock: vi.fn((reason: Reason) => {
      order.push(`core.lock:${reason}`)
      if (status !== 'unlocked') return
      status = 'locked'
      sink.emit('vault.locked', { reason })
    }),
  }
  const controller = createLockController({
    core,
    getContents: () => (options.noWindow ? null : renderer),
    clipboard: guard,
    newToken: () => 'token-1',
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    defer: (callback) => deferred.push(callback),
  })
  late.controller = controller
  renderer.send.mockImplementation((channel: string, message: { event: string; payload: { token: string } }) => {
    order.push(`send:${message.event}`)
    expect(channel).toBe(RPC_EVENT)
    if (options.answer === 'ack' || options.answer === undefined) queueMicrotask(() => {
      order.push('renderer saved')
      controller.flushed(message.payload.token)
    })
    if (options.answer === 'wrong-token') queueMicrotask(() => controller.flushed('forged'))
  })
  return { controller, core, order, timers, deferred, clipboard, guard, renderer, runDeferred: () => deferred.splice(0).forEach((f) => f()) }
}

describe('lock controller', () => {
  it('flush -> ack -> core.lock -> vault.locked -> fresh renderer, in that order', async () => {
    const h = setup()
    await h.controller.lock('manual')
    h.runDeferred()
    expect(h.order).toEqual(['send:ui.flush', 'renderer saved', 'core.lock:manual', 'emit:vault.locked', 'crash', 'reload'])
    expect(h.timers.pending.size).toBe(0)
  })

  it('waits at most FLUSH_TIMEOUT_MS for a renderer that does not answer', async () => {
    const h = setup({ answer: 'none' })
    const done = h.controller.lock('idle')
    await Promise.resolve()
    expect(h.core.lock).not.toHaveBeenCalled()
    expect([...h.timers.pending.values()].map((t) => t.ms)).toEqual([FLUSH_TIMEOUT_MS])
    h.timers.fireAll()
    await done
    expect(h.core.lock).toHaveBeenCalledWith('idle')
  })

  it('a wrong token does not count as the answer', async () => {
    const h = setup({ answer: 'wrong-token' })
    const done = h.controller.lock('idle')
    await new Promise((r) => setImmediate(r))
    expect(h.core.lock).not.toHaveBeenCalled()
    h.timers.fireAll()
    await done
    expect(h.core.lock).toHaveBeenCalledTimes(1)
  })

  it('no window: locks at once without waiting', async () => {
    const h = setup({ noWindow: true })
    await h.controller.lock('suspend')
    expect(h.core.lock).toHaveBeenCalledWith('suspend')
    expect(h.timers.pending.size).toBe(0)
  })

  it('already locked: no flush, no reload, clipboard still cleared', async () => {
    const h = setup({ status: 'locked' })
    await h.guard.write('copied from a reflection')
    await h.controller.lock('manual')
    h.runDeferred()
    expect(h.renderer.send).not.toHaveBeenCalled()
    expect(h.renderer.reload).not.toHaveBeenCalled()
    expect(h.clipboard.now()).toBe('')
  })

  it('concurrent locks share one flush and one core.lock', async () => {
    const h = setup()
    await Promise.all([h.controller.lock('idle'), h.controller.lock('manual'), h.controller.lock('suspend')])
    expect(h.core.lock).toHaveBeenCalledTimes(1)
    expect(h.renderer.send).toHaveBeenCalledTimes(1)
  })

  it('clears the clipboard only if it still holds what Between wrote', async () => {
    const a = setup()
    await a.guard.write('my note text')
    await a.controller.lock('manual')
    await settle()
    expect(a.clipboard.clear).toHaveBeenCalled()
    expect(a.clipboard.now()).toBe('')

    const b = setup()
    await b.guard.write('my note text')
    b.clipboard.set('something the person copied elsewhere')
    await b.controller.lock('manual')
    await settle()
    expect(b.clipboard.clear).not.toHaveBeenCalled()
    expect(b.clipboard.now()).toBe('something the person copied elsewhere')
  })

  it('a lock from elsewhere (renderer vault.lock, quit, restore) runs the aftermath; quit and restore do not reload', async () => {
    const h = setup()
    await h.guard.write('x')
    h.controller.afterLocked('quit')
    h.controller.afterLocked('restore')
    h.runDeferred()
    await settle()
    expect(h.clipboard.now()).toBe('')
    expect(h.renderer.reload).not.toHaveBeenCalled()
    h.controller.afterLocked('manual')
    h.runDeferred()
    expect(h.renderer.reload).toHaveBeenCalledTimes(1)
  })

  it('a core.lock that throws is logged and the lock still completes', async () => {
    const h = setup()
    ;(h.core.lock as ReturnType<typeof vi.fn>).mockImplementationOnce(() => {
      throw new Error('db busy')
    })
    await expect(h.controller.lock('manual')).resolves.toBeUndefined()
  })
})

describe('clipboard guard', () => {
  it('never keeps the text itself', async () => {
    const clipboard = fakeClipboard()
    const guard = createClipboardGuard(clipboard)
    await guard.write('A secret about my mother')
    expect(JSON.stringify(guard)).not.toContain('secret')
    clipboard.set('')
    expect(await guard.clearIfOurs()).toBe(false)
  })

  it('remembers native copies on request', async () => {
    const clipboard = fakeClipboard()
    const guard = createClipboardGuard(clipboard)
    clipboard.set('selected text copied with Ctrl+C')
    await guard.rememberCurrent()
    expect(await guard.clearIfOurs()).toBe(true)
    expect(clipboard.now()).toBe('')
  })

  it('a clipboard that cannot be read is left alone, without an error', async () => {
    const guard = createClipboardGuard({
      writeText: async () => undefined,
      readText: async () => {
        throw new Error('no clipboard')
      },
      clear: vi.fn(),
    })
    await guard.write('x')
    await expect(guard.clearIfOurs()).resolves.toBe(false)
  })
})

describe('power and input wiring', () => {
  it('suspend and screen lock reach the policy, which locks', () => {
    const listeners = new Map<string, () => void>()
    const powerMonitor = { on: vi.fn((e: string, l: () => void) => listeners.set(e, l)), removeListener: vi.fn((e: string) => listeners.delete(e)) }
    const lock = vi.fn()
    const autoLock = createAutoLock({
      clock: { now: () => 0 },
      timers: { setInterval: () => 1, clearInterval: () => undefined },
      lockTimeoutMinutes: () => null,
      lock,
    })
    const off = wirePowerEvents(powerMonitor, autoLock)
    listeners.get('suspend')?.()
    listeners.get('lock-screen')?.()
    expect(lock.mock.calls).toEqual([['suspend'], ['screen-lock']])
    off()
    expect(listeners.size).toBe(0)
  })

  it('key presses and focus count as activity; key contents are not read', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>()
    const contents = { on: vi.fn((e: string, l: (...args: unknown[]) => void) => listeners.set(e, l)) }
    const autoLock = { activity: vi.fn() }
    watchKeyboardActivity(contents, autoLock)
    listeners.get('before-input-event')?.({}, { type: 'keyDown', key: 'a' })
    listeners.get('before-input-event')?.({}, { type: 'keyUp', key: 'a' })
    listeners.get('focus')?.()
    expect(autoLock.activity).toHaveBeenCalledTimes(2)
  })

  it('Linux: the policy polls powerMonitor.getSystemIdleState and locks on "locked"; other systems use the events only', () => {
    let state: 'active' | 'locked' = 'active'
    const powerMonitor = { getSystemIdleState: vi.fn(() => state) }
    expect(linuxScreenLockProbe('darwin', powerMonitor)).toBeUndefined()
    expect(linuxScreenLockProbe('win32', powerMonitor)).toBeUndefined()
    const lock = vi.fn()
    let tick: () => void = () => undefined
    const autoLock = createAutoLock({
      clock: { now: () => 0 },
      timers: {
        setInterval: (callback) => {
          tick = callback
          return 1
        },
        clearInterval: () => undefined,
      },
      lockTimeoutMinutes: () => null,
      lock,
      systemIdleState: linuxScreenLockProbe('linux', powerMonitor),
    })
    autoLock.start()
    tick()
    expect(lock).not.toHaveBeenCalled()
    state = 'locked'
    tick()
    tick()
    expect(lock.mock.calls).toEqual([['screen-lock']])
    expect(powerMonitor.getSystemIdleState).toHaveBeenCalledWith(expect.any(Number))
  })

  it('Windows: query-session-end and session-end both start the quit path (flush, lock, close)', () => {
    const listeners = new Map<string, () => void>()
    const quit = vi.fn()
    wireSessionEnd({ on: (event, listener) => listeners.set(event, listener) }, quit)
    expect([...listeners.keys()].sort()).toEqual(['query-session-end', 'session-end'])
    listeners.get('query-session-end')?.()
    listeners.get('session-end')?.()
    expect(quit).toHaveBeenCalledTimes(2)
  })
})
