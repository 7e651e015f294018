/**
 * The data key lives only in Buffers owned by the vault, and lock() zeroes them. We capture the
 * exact Buffer objects the service receives from wrap.ts / kdf.ts (the module is wrapped, not
 * replaced) and look at their bytes after lock().
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanupTempDirs, makeVault, PASSPHRASE, vaultDir } from './vault-fixtures'

const captured = vi.hoisted(() => ({ dataKeys: [] as Buffer[], keks: [] as Buffer[] }))

vi.mock('../../../src/main/core/vault/wrap', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/main/core/vault/wrap')>()
  const keep = <A extends unknown[]>(fn: (...args: A) => Buffer | null) => (...args: A) => {
    const key = fn(...args)
    if (key) captured.dataKeys.push(key)
    return key
  }
  return {
    ...actual,
    generateDataKey: keep(actual.generateDataKey),
    openPassphraseSlot: keep(actual.openPassphraseSlot),
    openRecoverySlot: keep(actual.openRecoverySlot),
  }
})

vi.mock('../../../src/main/core/vault/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/main/core/vault/kdf')>()
  return {
    ...actual,
    derivePassphraseKey: async (...args: Parameters<typeof actual.derivePassphraseKey>) => {
      const kek = await actual.derivePassphraseKey(...args)
      captured.keks.push(kek)
      return kek
    },
  }
})

const isZero = (buffer: Buffer) => buffer.every((byte) => byte === 0)

afterEach(() => {
  cleanupTempDirs()
  captured.dataKeys.length = 0
  captured.keks.length = 0
})

describe('key buffers', () => {
  it('the data key is a 32-byte Buffer, zeroed by lock(); passphrase keys are zeroed at once', async () => {
    const vault = makeVault(vaultDir())
    await vault.create(PASSPHRASE)
    const [createdKey] = captured.dataKeys
    expect(createdKey).toBeInstanceOf(Buffer)
    expect(createdKey?.length).toBe(32)
    expect(isZero(createdKey as Buffer)).toBe(false)
    expect(captured.keks.every(isZero)).toBe(true)

    vault.lock()
    expect(isZero(createdKey as Buffer)).toBe(true)

    await vault.unlock({ passphrase: PASSPHRASE })
    const unlockedKey = captured.dataKeys.at(-1) as Buffer
    expect(unlockedKey).not.toBe(createdKey)
    expect(isZero(unlockedKey)).toBe(false)
    vault.lock()
    expect(isZero(unlockedKey)).toBe(true)
    expect(captured.keks.every(isZero)).toBe(true)
  })

  it('keys from the recovery path, a passphrase change and a rotation are all zeroed', async () => {
    const vault = makeVault(vaultDir())
    const { recoveryKey } = await vault.create(PASSPHRASE)
    vault.lock()
    await vault.unlock({ recoveryKey })
    await vault.changePassphrase(PASSPHRASE, 'the next passphrase')
    await vault.rotateDataKey('the next passphrase')
    await vault.resetWithRecoveryKey(recoveryKey, 'yet another passphrase')
    expect(captured.dataKeys.length).toBeGreaterThanOrEqual(5)
    vault.lock()
    expect(captured.dataKeys.filter((key) => !isZero(key))).toHaveLength(0)
    expect(captured.keks.filter((key) => !isZero(key))).toHaveLength(0)
  })

  it('a failed unlock leaves no key material behind', async () => {
    const vault = makeVault(vaultDir())
    await vault.create(PASSPHRASE)
    vault.lock()
    await expect(vault.unlock({ passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(captured.dataKeys.filter((key) => !isZero(key))).toHaveLength(0)
    expect(captured.keks.filter((key) => !isZero(key))).toHaveLength(0)
  })
})
