import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

describe('unlock while the vault is already open', () => {
  it('still proves the secret: a wrong passphrase or recovery key is refused', async () => {
    expect(vault.core.vault.status()).toBe('unlocked')
    await expect(vault.core.vault.unlock({ passphrase: 'not the passphrase' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    const wrongKey = vault.recoveryKey.replace(/[0-9A-Z]/, (c) => (c === 'A' ? 'B' : 'A'))
    await expect(vault.core.vault.unlock({ recoveryKey: wrongKey })).rejects.toMatchObject({
      code: expect.stringMatching(/^(WRONG_RECOVERY_KEY|INVALID_RECOVERY_KEY_FORMAT)$/),
    })
    expect(vault.core.vault.status()).toBe('unlocked')
  })

  it('the right passphrase or recovery key is accepted and leaves it open', async () => {
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    await vault.core.vault.unlock({ recoveryKey: vault.recoveryKey })
    expect(vault.core.vault.status()).toBe('unlocked')
    expect(vault.core.reflections.list({ limit: 1, before: null, tag: null })).toEqual([])
  })
})
