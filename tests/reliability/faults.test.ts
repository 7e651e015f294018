import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createHandlers } from '../../src/main/ipc/handlers'
import { CHEAP_KDF, makeTempDir, TEST_PASSPHRASE } from '../helpers/test-vault'

/** Faults need a small filesystem of their own: a tmpfs mount (root only; skipped elsewhere). */
function canMount(): boolean {
  const dir = makeTempDir('between-mount-probe-')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' })
    execFileSync('umount', [dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const mountable = canMount()
if (!mountable) console.log('faults suite skipped: cannot mount a tmpfs here (needs root)')

describe.skipIf(!mountable)('faults on a small filesystem', () => {
  let mountPoint: string
  let core: Core

  const reflection = (body: string) => ({ body, mood: null, tags: [], sessionId: null, bringToSession: false })
  const bodies = (c: Core) => new Set(c.vault.db().prepare('SELECT body FROM reflections').pluck().all() as string[])

  beforeEach(async () => {
    mountPoint = makeTempDir('between-fault-')
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint])
    core = createCore({ dataDir: mountPoint, kdfCost: CHEAP_KDF })
    await core.vault.create(TEST_PASSPHRASE)
  })

  afterEach(() => {
    core.close()
    execFileSync('umount', ['-l', mountPoint])
    rmSync(mountPoint, { recursive: true, force: true })
  })

  it('disk full during a save: a clear error, and nothing already saved is lost', async () => {
    const handlers = createHandlers(core)
    const saved: string[] = []
    let failure: unknown = null
    for (let i = 0; i < 100_000 && failure === null; i++) {
      const body = `saved ${i} ${'x'.repeat(2000)}`
      const result = await dispatch(handlers, 'reflections.create', reflection(body))
      if (result.ok) saved.push(body)
      else failure = result.error
    }
    expect(failure).toMatchObject({ code: 'IO_ERROR' })
    expect(saved.length).toBeGreaterThan(10)
    core.lock('manual')
    const reopened = createCore({ dataDir: mountPoint, kdfCost: CHEAP_KDF })
    await reopened.vault.unlock({ passphrase: TEST_PASSPHRASE })
    const present = bodies(reopened)
    expect(saved.filter((b) => !present.has(b))).toEqual([])
    reopened.close()
  })

  it('a read-only data folder: unlock fails clearly, and the vault opens again once writable', async () => {
    core.reflections.create(reflection('before read-only'))
    core.lock('manual')
    execFileSync('mount', ['-o', 'remount,ro', mountPoint])
    const reopened = createCore({ dataDir: mountPoint, kdfCost: CHEAP_KDF })
    const result = await dispatch(createHandlers(reopened), 'vault.unlock', { passphrase: TEST_PASSPHRASE })
    expect(result).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } })
    execFileSync('mount', ['-o', 'remount,rw', mountPoint])
    await reopened.vault.unlock({ passphrase: TEST_PASSPHRASE })
    expect(bodies(reopened).has('before read-only')).toBe(true)
    reopened.close()
  })
})
