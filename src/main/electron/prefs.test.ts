import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_PREFS } from '../../shared/prefs'

const fake = vi.hoisted(() => ({ userData: '' }))

// electron-store is external to Vite, so vi.mock('electron') cannot reach its own import of
// electron (which would try to download the binary). It is a thin layer over `conf` that
// sets cwd to userData and maps `name` to `configName`; this stand-in does exactly that over
// the real `conf`, so the file handling under test is the real one.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  class ElectronStore extends Conf {
    constructor(options: { name?: string; cwd?: string } & Record<string, unknown> = {}) {
      const { name = 'config', cwd, ...rest } = options
      super({ ...rest, configName: name, cwd: cwd ?? fake.userData, projectVersion: '0.1.0' })
    }
  }
  return { default: ElectronStore }
})

const { createElectronPrefsStore } = await import('./prefs')

const logger = () => {
  const lines: string[] = []
  return { lines, logger: { error: (code: string) => lines.push(code), warn: (code: string) => lines.push(code) } }
}

describe('electron-store preferences', () => {
  beforeEach(() => {
    fake.userData = mkdtempSync(join(tmpdir(), 'between-userdata-'))
  })
  afterEach(() => rmSync(fake.userData, { recursive: true, force: true }))

  const file = () => join(fake.userData, 'preferences.json')

  it('first start: defaults, not corrupted; changes persist to preferences.json in userData', () => {
    const store = createElectronPrefsStore(logger().logger)
    expect(store.get()).toEqual(DEFAULT_PREFS)
    expect(store.corruptedAtStart).toBe(false)
    store.set({ theme: 'dark', lockTimeoutMinutes: 15 })
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ theme: 'dark', lockTimeoutMinutes: 15 })
    expect(createElectronPrefsStore(logger().logger).get()).toMatchObject({ theme: 'dark', lockTimeoutMinutes: 15 })
  })

  it('a corrupt file: defaults, a notice, the file repaired, never a crash', () => {
    writeFileSync(file(), '{ "theme": "dark", ')
    const { lines, logger: log } = logger()
    const store = createElectronPrefsStore(log)
    expect(store.corruptedAtStart).toBe(true)
    expect(store.get()).toEqual(DEFAULT_PREFS)
    expect(lines).toContain('PREFS_CORRUPT_DEFAULTS_USED')
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject(DEFAULT_PREFS)
    store.set({ theme: 'light' })
    const again = createElectronPrefsStore(logger().logger)
    expect(again.corruptedAtStart).toBe(false)
    expect(again.get().theme).toBe('light')
  })

  it('valid JSON with bad values keeps the good ones and flags the rest', () => {
    writeFileSync(file(), JSON.stringify({ theme: 'dark', lockTimeoutMinutes: -3, notes: 'private' }))
    const store = createElectronPrefsStore(logger().logger)
    expect(store.corruptedAtStart).toBe(true)
    expect(store.get()).toEqual({ ...DEFAULT_PREFS, theme: 'dark' })
    expect(readFileSync(file(), 'utf8')).not.toContain('private')
  })

  it('binary garbage and a JSON array are corrupt too', () => {
    for (const content of [Buffer.from([0xff, 0xfe, 0x00, 0x01]), '[1,2,3]', 'null']) {
      writeFileSync(file(), content)
      const store = createElectronPrefsStore(logger().logger)
      expect(store.get()).toEqual(DEFAULT_PREFS)
    }
  })
})
