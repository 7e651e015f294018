/**
 * Inputs that cannot be represented are refused, not changed; the renderer cannot choose where
 * files go. Before: a passphrase with a lone surrogate was accepted (and any other lone surrogate
 * then opened the vault), and prefs.set pointed backups at any folder without the folder dialog.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryPrefsStore } from '../../../src/main/core/prefs/prefs-store'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { createCore } from '../../../src/main/core'
import { CHEAP_KDF, createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

let vaults: TestVault[] = []
afterEach(() => {
  for (const v of vaults) v.cleanup()
  vaults = []
})

const LONE = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'x\uD83D', '\uDE00y']

describe('passphrases with a lone surrogate', () => {
  it('are refused at creation, change and reset, naming the field, and change nothing', async () => {
    const dir = makeTempDir()
    const core = createCore({ dataDir: dir, kdfCost: CHEAP_KDF })
    const handlers = createHandlers(core)
    for (const lone of LONE) {
      const passphrase = `long enough passphrase ${lone}`
      expect(await dispatch(handlers, 'vault.create', { passphrase })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'passphrase' } })
      expect(core.vault.status()).toBe('none')
      // In-process callers that skip the contract meet the same rule in the core.
      await expect(core.vault.create(passphrase)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
      expect(core.vault.status()).toBe('none')
    }
    const { recoveryKey } = await core.vault.create(TEST_PASSPHRASE)
    for (const lone of LONE) {
      const next = `another long passphrase ${lone}`
      expect(await dispatch(handlers, 'vault.changePassphrase', { current: TEST_PASSPHRASE, next })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'next' } })
      expect(await dispatch(handlers, 'vault.resetWithRecoveryKey', { recoveryKey, newPassphrase: next })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'newPassphrase' } })
    }
    core.lock('manual')
    expect(await dispatch(handlers, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true })
    // A well-formed pair (an emoji) is fine.
    expect(await dispatch(handlers, 'vault.changePassphrase', { current: TEST_PASSPHRASE, next: 'a passphrase with \uD83D\uDE00' })).toMatchObject({ ok: true })
    core.close()
  })
})

describe('free text keeps what was typed', () => {
  it('stores a lone surrogate as U+FFFD, the same in every answer', async () => {
    const vault = await createTestVault()
    vaults.push(vault)
    const created = await dispatch(vault.handlers, 'reflections.create', { body: 'before \uD800 after' })
    expect(created).toMatchObject({ ok: true, value: { body: 'before \uFFFD after' } })
    const id = created.ok ? (created.value as { id: string }).id : ''
    expect(await dispatch(vault.handlers, 'reflections.get', { id })).toMatchObject({ ok: true, value: { body: 'before \uFFFD after' } })
    const page = await dispatch(vault.handlers, 'timeline.page', {})
    expect(page.ok && JSON.stringify(page.value)).toContain('before \uFFFD after')
  })
})

describe('the renderer cannot choose where files go', () => {
  it('prefs.set refuses the backup folder and changes nothing; other preferences still work', async () => {
    const prefs = createMemoryPrefsStore()
    const vault = await createTestVault({ prefs })
    vaults.push(vault)
    for (const backupFolder of ['/tmp/elsewhere', '/', null]) {
      expect(await dispatch(vault.handlers, 'prefs.set', { backupFolder })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(await dispatch(vault.handlers, 'prefs.set', { theme: 'dark', backupFolder })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(prefs.get().backupFolder).toBeNull()
    expect(prefs.get().theme).toBe('system')
    expect(await dispatch(vault.handlers, 'prefs.set', { theme: 'dark', lockTimeoutMinutes: undefined })).toMatchObject({ ok: true, value: { theme: 'dark', backupFolder: null } })
  })
})
