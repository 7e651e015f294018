import { beforeEach, describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
  invoke: (..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined),
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => fake.invoke(...args),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set())
      fake.listeners.get(channel)?.add(listener)
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => fake.listeners.get(channel)?.delete(listener),
  },
}))

type Api = { invoke: (c: string, i: unknown) => Promise<unknown>; on: (e: string, l: (p: unknown) => void) => () => void }

const load = async (): Promise<Api> => {
  vi.resetModules()
  fake.exposed.clear()
  fake.listeners.clear()
  await import('./index')
  return fake.exposed.get('bridge') as Api
}

const emit = (message: unknown) => {
  for (const listener of fake.listeners.get('rpc:event') ?? []) listener({ sender: 'IPC EVENT OBJECT', ports: [] }, message)
}

describe('preload', () => {
  beforeEach(() => {
    fake.invoke = vi.fn(async () => ({ ok: true, value: 1 }))
  })

  it('exposes exactly window.bridge with invoke and on, nothing else', async () => {
    const api = await load()
    expect([...fake.exposed.keys()]).toEqual(['bridge'])
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
  })

  it('invoke goes over rpc:invoke as (channel, input)', async () => {
    const api = await load()
    expect(await api.invoke('vault.status', {})).toEqual({ ok: true, value: 1 })
    expect(fake.invoke).toHaveBeenCalledWith('rpc:invoke', 'vault.status', {})
  })

  it('listeners receive only the payload of their event, never the IPC event object', async () => {
    const api = await load()
    const locked = vi.fn()
    const changed = vi.fn()
    api.on('vault.locked', locked)
    api.on('data.changed', changed)
    emit({ event: 'vault.locked', payload: { reason: 'idle' } })
    emit(null)
    emit('garbage')
    expect(locked.mock.calls).toEqual([[{ reason: 'idle' }]])
    expect(changed).not.toHaveBeenCalled()
  })

  it('on() returns an unsubscribe function', async () => {
    const api = await load()
    const listener = vi.fn()
    const off = api.on('ui.flush', listener)
    off()
    emit({ event: 'ui.flush', payload: { token: 't' } })
    expect(listener).not.toHaveBeenCalled()
    expect(fake.listeners.get('rpc:event')?.size).toBe(0)
  })

  it('the preload source never hands out ipcRenderer itself', async () => {
    const { readFileSync } = await import('node:fs')
    const source = readFileSync(new URL('./index.ts', import.meta.url), 'utf8')
    expect(source.match(/exposeInMainWorld/g)).toHaveLength(1)
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/)
  })
})
