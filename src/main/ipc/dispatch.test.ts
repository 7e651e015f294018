import { describe, expect, it } from 'vitest'
import { CoreError } from '../core/errors'
import { dispatch } from './dispatch'
import type { Handlers } from './handlers'

const CANARY = 'my private words 8f2k'

const handlersWith = (status: () => unknown) => ({ 'vault.status': status }) as unknown as Handlers

describe('dispatch', () => {
  it('returns the value of a valid call', async () => {
    expect(await dispatch(handlersWith(() => ({ state: 'none' })), 'vault.status', {})).toEqual({ ok: true, value: { state: 'none' } })
  })

  it('turns a thrown Error into a generic INTERNAL with no content, and logs only codes', async () => {
    const logged: unknown[] = []
    const result = await dispatch(handlersWith(() => { throw new Error(CANARY) }), 'vault.status', {}, { error: (...args) => void logged.push(args) })
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    expect(JSON.stringify(result)).not.toContain(CANARY)
    expect(JSON.stringify(logged)).not.toContain(CANARY)
  })

  it('passes CoreErrors through with their code and maps SQLite corruption to VAULT_CORRUPT', async () => {
    expect(await dispatch(handlersWith(() => { throw new CoreError('VAULT_LOCKED') }), 'vault.status', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
    const sqlite = Object.assign(new Error(`database disk image is malformed ${CANARY}`), { code: 'SQLITE_CORRUPT' })
    const result = await dispatch(handlersWith(() => { throw sqlite }), 'vault.status', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_CORRUPT' } })
    expect(JSON.stringify(result)).not.toContain(CANARY)
  })

  it('refuses an output that breaks the contract rather than leaking it', async () => {
    const result = await dispatch(handlersWith(() => ({ state: 'open', secret: CANARY })), 'vault.status', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain(CANARY)
  })
})

describe('dispatch never throws, whatever the input object does', () => {
  const status = handlersWith(() => ({ state: 'none' }))
  const hostile: Array<[string, () => unknown]> = [
    ['a throwing getter', () => Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error(CANARY) } })],
    ['a proxy whose traps throw', () => new Proxy({}, { ownKeys: () => { throw new Error(CANARY) }, get: () => { throw new Error(CANARY) } })],
    ['a revoked proxy', () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy }],
    ['a cycle', () => { const o: Record<string, unknown> = {}; o.self = o; return o }],
    ['a class instance', () => new Date()],
    ['a function', () => () => CANARY],
    ['a symbol', () => Symbol(CANARY)],
    ['a bigint', () => 10n],
  ]
  for (const [name, make] of hostile) {
    it(`answers INVALID_INPUT for ${name}`, async () => {
      const result = await dispatch(status, 'vault.status', make())
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(JSON.stringify(result)).not.toContain(CANARY)
    })
  }

  it('treats a key sent as undefined (as Electron copies it) like an absent key', async () => {
    const seen: unknown[] = []
    const handlers = { 'prefs.get': (input: unknown) => (seen.push(input), { theme: 'system' }) } as unknown as Handlers
    await dispatch(handlers, 'prefs.get', { extra: undefined })
    expect(seen).toEqual([{}])
  })

  it('a throwing channel name getter cannot escape either', async () => {
    const name = { toString: () => { throw new Error(CANARY) } }
    expect(await dispatch(status, name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })
})
