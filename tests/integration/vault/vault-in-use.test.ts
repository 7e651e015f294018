/**
 * One process owns a vault: a second core on the same folder, in this process or another, is
 * refused with VAULT_IN_USE, and the lock dies with its process (no stale lock after a crash).
 * Before the folder lock, both cores opened the vault and wrote to it at once.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../src/main/core'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { CHEAP_KDF, createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

const HOLDER = fileURLToPath(new URL('./hold-vault.ts', import.meta.url))

let vault: TestVault
afterEach(() => vault.cleanup())

const secondCore = () => createCore({ dataDir: vault.dir, kdfCost: CHEAP_KDF })

describe('VAULT_IN_USE', () => {
  it('refuses a second core in the same process until the first locks', async () => {
    vault = await createTestVault()
    const other = secondCore()
    const handlers = createHandlers(other)
    expect(await dispatch(handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'VAULT_IN_USE', message: 'Between is already open on this vault.' },
    })
    expect(other.vault.status()).toBe('locked')
    vault.core.lock('manual')
    expect(await dispatch(handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true })
    expect(await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'VAULT_IN_USE' } })
    other.close()
  })

  it('refuses across processes, and the lock is gone when the holder is killed', async () => {
    vault = await createTestVault()
    vault.core.lock('manual')
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER], { env: { ...process.env, BETWEEN_DATA_DIR: vault.dir }, stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.setEncoding('utf8')
        child.stdout.on('data', (chunk: string) => chunk.includes('held') && resolve())
        child.on('error', reject)
        child.on('exit', () => reject(new Error('the holder exited early')))
      })
      expect(await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'VAULT_IN_USE' } })
    } finally {
      child.kill('SIGKILL')
    }
    expect(await exited).toBe('SIGKILL')
    expect(await dispatch(vault.handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true })
  })
})
