import { describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../ipc/handlers'
import type { Logger } from '../core/ports'
import { createWindowEventSink, isTrustedSender, pushEvent, registerRpc, RPC_EVENT, RPC_INVOKE, type InvokeEventLike } from './register-rpc'

const CANARY = 'CANARY-7f3a my therapist said something private'

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>

function fakeIpcMain() {
  const listeners = new Map<string, Listener>()
  return {
    listeners,
    handle: vi.fn((channel: string, listener: Listener) => {
      if (listeners.has(channel)) throw new Error('Attempted to register a second handler')
      listeners.set(channel, listener)
    }),
    removeHandler: vi.fn((channel: string) => listeners.delete(channel)),
  }
}

/** A frame and its webContents, as Electron would present them. */
function senderAt(url: string, opts: { subframe?: boolean; destroyedFrame?: boolean } = {}): InvokeEventLike {
  const mainFrame = { url }
  const frame = opts.subframe ? { url } : mainFrame
  return { sender: { mainFrame }, senderFrame: opts.destroyedFrame ? null : frame }
}

const handlers = {
  'vault.status': vi.fn(() => ({ state: 'locked' })),
  'vault.lock': vi.fn(() => {
    throw new Error(CANARY)
  }),
  'vault.unlock': vi.fn(() => ({ unlocked: true })),
} as unknown as Handlers

function setup(options?: Parameters<typeof registerRpc>[3]) {
  const ipc = fakeIpcMain()
  const lines: string[] = []
  const logger: Logger = {
    error: (code, detail) => lines.push(JSON.stringify([code, detail])),
    warn: (code, detail) => lines.push(JSON.stringify([code, detail])),
  }
  const unregister = registerRpc(ipc, () => handlers, logger, options)
  const invoke = (event: InvokeEventLike, channel: unknown, input: unknown) => {
    const listener = ipc.listeners.get(RPC_INVOKE)
    if (!listener) throw new Error('not registered')
    return listener(event, channel, input)
  }
  return { ipc, invoke, lines, unregister }
}

const trusted = senderAt('app://between/index.html')

describe('registerRpc', () => {
  it('registers exactly one channel, rpc:invoke, and can be removed', () => {
    const { ipc, unregister } = setup()
    expect([...ipc.listeners.keys()]).toEqual([RPC_INVOKE])
    unregister()
    expect(ipc.listeners.size).toBe(0)
  })

  it('serves our own top-level frame', async () => {
    const { invoke } = setup()
    expect(await invoke(trusted, 'vault.status', {})).toEqual({ ok: true, value: { state: 'locked' } })
    expect(await invoke(senderAt('app://between/'), 'vault.status', {})).toMatchObject({ ok: true })
    expect(await invoke(senderAt('app://between/#/timeline?x=1'), 'vault.status', {})).toMatchObject({ ok: true })
  })

  it.each([
    ['another origin', senderAt('https://evil.example/')],
    ['a look-alike host', senderAt('app://between.evil.com/index.html')],
    ['a host with our name as user info', senderAt('app://between@evil.com/')],
    ['user info before our host', senderAt('app://evil@between/')],
    ['another port', senderAt('app://between:8080/')],
    ['file://', senderAt('file:///home/me/out/renderer/index.html')],
    ['http with our host name', senderAt('http://between/')],
    ['a prefix trick', senderAt('app://betweenx/')],
    ['about:blank', senderAt('about:blank')],
    ['data:', senderAt('data:text/html,<script>1</script>')],
    ['an unparsable URL', senderAt('not a url')],
    ['a subframe of our own page', senderAt('app://between/index.html', { subframe: true })],
    ['a destroyed frame', senderAt('app://between/index.html', { destroyedFrame: true })],
  ])('refuses %s with UNTRUSTED_SENDER and does not run the handler', async (_label, event) => {
    const { invoke, lines } = setup()
    const status = handlers['vault.status'] as unknown as ReturnType<typeof vi.fn>
    status.mockClear()
    const result = await invoke(event, 'vault.status', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(status).not.toHaveBeenCalled()
    expect(lines.join('\n')).toContain('UNTRUSTED_SENDER')
  })

  it('unknown channel', async () => {
    const { invoke } = setup()
    for (const channel of ['nope.nothing', '__proto__', 'constructor', 42, null]) {
      expect(await invoke(trusted, channel, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    }
  })

  it('invalid input', async () => {
    const { invoke } = setup()
    expect(await invoke(trusted, 'vault.unlock', { passphrase: 42 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await invoke(trusted, 'vault.status', { extra: CANARY })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })

  it('a handler throwing a plain Error returns generic INTERNAL with no user content anywhere', async () => {
    const { invoke, lines } = setup()
    const result = await invoke(trusted, 'vault.lock', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside Between. Nothing was changed.' },
    })
    expect(JSON.stringify(result)).not.toContain('CANARY')
    expect(lines.join('\n')).not.toContain('CANARY')
    expect(lines.join('\n')).toContain('INTERNAL')
  })

  it('getHandlers throwing is INTERNAL, never a rejection', async () => {
    const ipc = fakeIpcMain()
    registerRpc(ipc, () => {
      throw new Error(CANARY)
    })
    const result = await ipc.listeners.get(RPC_INVOKE)?.(trusted, 'vault.status', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain('CANARY')
  })

  it('trusted origins can be configured (dev server), still by protocol and host', () => {
    const origins = ['app://between', 'http://localhost:5173']
    expect(isTrustedSender(senderAt('http://localhost:5173/'), origins)).toBe(true)
    expect(isTrustedSender(senderAt('http://localhost:5174/'), origins)).toBe(false)
    expect(isTrustedSender(senderAt('https://localhost:5173/'), origins)).toBe(false)
    expect(() => setup({ trustedOrigins: ['not an origin'] })).toThrow()
  })
})

describe('push events', () => {
  it('sends { event, payload } on rpc:event, and skips a closed window', () => {
    const send = vi.fn()
    const target = { isDestroyed: () => false, send }
    const sink = createWindowEventSink(() => target)
    sink.emit('vault.locked', { reason: 'idle' })
    sink.emit('data.changed', { tables: ['reflections'] })
    expect(send.mock.calls).toEqual([
      [RPC_EVENT, { event: 'vault.locked', payload: { reason: 'idle' } }],
      [RPC_EVENT, { event: 'data.changed', payload: { tables: ['reflections'] } }],
    ])
    expect(pushEvent({ isDestroyed: () => true, send }, 'ui.flush', { token: 't' })).toBe(false)
    expect(pushEvent(null, 'ui.flush', { token: 't' })).toBe(false)
    expect(send).toHaveBeenCalledTimes(2)
    expect(() => createWindowEventSink(() => null).emit('vault.locked', { reason: 'manual' })).not.toThrow()
  })
})
