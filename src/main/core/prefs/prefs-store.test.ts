import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PREFS, readPrefs } from '../../../shared/prefs'
import type { Logger } from '../ports'
import { createJsonFilePrefsStore, createMemoryPrefsStore, createPrefsStore } from './prefs-store'
import { prefsHandlers } from './prefs.handlers'
import { prefsContract } from '../../../shared/ipc/contracts/prefs'
import { callSlice } from '../shell/call-slice.test-helper'

const recordingLogger = () => {
  const lines: Array<[string, string, unknown]> = []
  const logger: Logger = {
    error: (code, detail) => lines.push(['error', code, detail]),
    warn: (code, detail) => lines.push(['warn', code, detail]),
  }
  return { logger, lines }
}

describe('readPrefs', () => {
  it('nothing stored: defaults, not corrupted', () => {
    expect(readPrefs(undefined)).toEqual({ prefs: DEFAULT_PREFS, corrupted: false })
  })

  it('keeps valid fields, replaces invalid ones with defaults and says so', () => {
    const { prefs, corrupted } = readPrefs({ theme: 'dark', lockTimeoutMinutes: 999, weekStart: 0 })
    expect(corrupted).toBe(true)
    expect(prefs).toEqual({ ...DEFAULT_PREFS, theme: 'dark', weekStart: 0 })
  })

  it('drops unknown keys quietly (a note someone pasted in is never kept)', () => {
    const { prefs, corrupted } = readPrefs({ theme: 'light', lastNote: 'I felt awful today' })
    expect(corrupted).toBe(false)
    expect(JSON.stringify(prefs)).not.toContain('awful')
  })

  it('a non-object is corrupt', () => {
    for (const stored of [42, 'x', [], true]) expect(readPrefs(stored).corrupted).toBe(true)
  })

  it('accepts the documented ranges', () => {
    expect(readPrefs({ lockTimeoutMinutes: null }).prefs.lockTimeoutMinutes).toBeNull()
    expect(readPrefs({ lockTimeoutMinutes: 1 }).corrupted).toBe(false)
    expect(readPrefs({ lockTimeoutMinutes: 60 }).corrupted).toBe(false)
    expect(readPrefs({ lockTimeoutMinutes: 0 }).corrupted).toBe(true)
    expect(readPrefs({ lockTimeoutMinutes: 61 }).corrupted).toBe(true)
    expect(readPrefs({ lockTimeoutMinutes: 2.5 }).corrupted).toBe(true)
    expect(readPrefs({ weekStart: 2 }).corrupted).toBe(true)
    expect(readPrefs({ emergencyNumber: 'call mum' }).corrupted).toBe(true)
    expect(readPrefs({ lockScreenCrisisLine: { name: 'Samaritans', phone: '116 123' } }).corrupted).toBe(false)
  })
})

describe('memory prefs store', () => {
  it('get/set/subscribe', () => {
    const store = createMemoryPrefsStore()
    const seen: unknown[] = []
    const off = store.subscribe((p) => seen.push(p.theme))
    expect(store.get()).toEqual(DEFAULT_PREFS)
    expect(store.set({ theme: 'dark' }).theme).toBe('dark')
    off()
    store.set({ theme: 'light' })
    expect(seen).toEqual(['dark'])
    expect(store.corruptedAtStart).toBe(false)
  })

  it('refuses an invalid patch and keeps the previous value', () => {
    const store = createMemoryPrefsStore()
    expect(() => store.set({ lockTimeoutMinutes: 0 })).toThrow()
    expect(store.get().lockTimeoutMinutes).toBe(5)
  })
})

describe('JSON file prefs store', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'between-prefs-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('persists changes across instances', () => {
    const file = join(dir, 'sub', 'preferences.json')
    createJsonFilePrefsStore(file).set({ theme: 'dark', lockTimeoutMinutes: null })
    const again = createJsonFilePrefsStore(file)
    expect(again.get()).toEqual({ ...DEFAULT_PREFS, theme: 'dark', lockTimeoutMinutes: null })
    expect(again.corruptedAtStart).toBe(false)
  })

  it('a corrupt file falls back to defaults with a notice, and is repaired; never a crash', () => {
    const file = join(dir, 'preferences.json')
    writeFileSync(file, '{"theme": "dark", "lockTim')
    const { logger, lines } = recordingLogger()
    const store = createJsonFilePrefsStore(file, logger)
    expect(store.corruptedAtStart).toBe(true)
    expect(store.get()).toEqual(DEFAULT_PREFS)
    expect(lines).toEqual([['warn', 'PREFS_CORRUPT_DEFAULTS_USED', undefined]])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(DEFAULT_PREFS)
    expect(createJsonFilePrefsStore(file).corruptedAtStart).toBe(false)
  })

  it('an unwritable location keeps working in memory and logs a code only', () => {
    if (process.getuid?.() === 0) return // root writes anywhere: nothing to test
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o500)
    const { logger, lines } = recordingLogger()
    const store = createJsonFilePrefsStore(join(locked, 'preferences.json'), logger)
    expect(store.set({ theme: 'dark' }).theme).toBe('dark')
    expect(lines[0]?.[1]).toBe('PREFS_WRITE_FAILED')
  })

  it('a failing backend write never throws from set()', () => {
    const { logger, lines } = recordingLogger()
    const store = createPrefsStore(
      {
        read: () => ({}),
        write: () => {
          throw new Error('disk full /home/alex/secret')
        },
      },
      logger,
    )
    expect(store.set({ contentProtection: true }).contentProtection).toBe(true)
    expect(JSON.stringify(lines)).not.toContain('secret')
  })

  it('an unreadable backend is corrupt, not a crash', () => {
    const store = createPrefsStore({
      read: () => {
        throw new SyntaxError('Unexpected token')
      },
      write: () => undefined,
    })
    expect(store.corruptedAtStart).toBe(true)
    expect(store.get()).toEqual(DEFAULT_PREFS)
  })
})

describe('prefs handlers through dispatch', () => {
  const run = (store = createMemoryPrefsStore()) => {
    const handlers = prefsHandlers(store)
    return { store, call: (channel: keyof typeof handlers, input: unknown) => callSlice(prefsContract, handlers, channel, input) }
  }

  it('prefs.get returns the prefs and the corruption flag', async () => {
    const { call } = run()
    expect(await call('prefs.get', {})).toEqual({ ok: true, value: { prefs: DEFAULT_PREFS, corruptedAtStart: false } })
  })

  it('prefs.set validates: unknown keys, out of range values and empty patches are refused', async () => {
    const { call, store } = run()
    expect(await call('prefs.set', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } })
    for (const bad of [{}, { notes: 'x' }, { lockTimeoutMinutes: 0 }, { theme: 'neon' }, { emergencyNumber: 'javascript:alert(1)' }]) {
      const result = await call('prefs.set', bad)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT')
    }
    expect(store.get().theme).toBe('dark')
  })
})
