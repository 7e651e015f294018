import { describe, expect, it } from 'vitest'
import { generateRecoveryKey } from '../../../src/main/core/vault/recovery-key'
import { recoveryIdentity } from '../../../src/main/core/vault/wrap'
import { randomBytes } from 'node:crypto'
import {
  createSyncHeader,
  openWithPassphrase,
  openWithRecovery,
  parseSyncHeader,
  readRoster,
  rewrapSyncHeader,
  serializeSyncHeader,
} from '../../../src/main/core/sync/sync-header'
import { CHEAP_KDF } from '../../helpers/test-vault'

const roster = { devices: [{ id: '0123456789abcdef', name: 'Laptop', joinedAt: 1_765_000_000_000, publicKey: 'AAAA', removedAfter: null }] }

async function newHeader() {
  const recovery = generateRecoveryKey()
  const identity = recoveryIdentity(recovery.secret, randomBytes(16))
  const created = await createSyncHeader({ passphrase: 'correct horse battery', cost: CHEAP_KDF, recoveries: [identity], roster })
  return { ...created, recovery }
}

describe('sync header', () => {
  it('wraps a random sync key under the passphrase and the recovery key; the roster is sealed', async () => {
    const { header, keys, recovery } = await newHeader()
    const text = serializeSyncHeader(header)
    expect(text).not.toContain('Laptop')
    expect(text).not.toContain('0123456789abcdef')
    const again = parseSyncHeader(text)
    const byPassphrase = await openWithPassphrase(again, 'correct horse battery')
    expect(byPassphrase.get(1)?.equals(keys.get(1) as Buffer)).toBe(true)
    expect(openWithRecovery(again, recovery.secret).get(1)?.equals(keys.get(1) as Buffer)).toBe(true)
    expect(readRoster(again, byPassphrase)).toEqual(roster)
  })

  it('refuses a wrong passphrase or recovery key, and a tampered header', async () => {
    const { header } = await newHeader()
    await expect(openWithPassphrase(header, 'not the passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(() => openWithRecovery(header, generateRecoveryKey().secret)).toThrow(expect.objectContaining({ code: 'WRONG_RECOVERY_KEY' }))
    const tampered = { ...header, folderId: '00000000-0000-4000-8000-000000000000' }
    await expect(openWithPassphrase(tampered, 'correct horse battery')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(() => parseSyncHeader('{"format":"between-sync"')).toThrow(expect.objectContaining({ code: 'SYNC_FOLDER_INVALID' }))
  })

  it('a passphrase change rewraps; a rotation adds a new key and keeps the old ones readable', async () => {
    const { header, keys, recovery } = await newHeader()
    const changed = await rewrapSyncHeader({ header, keys, passphrase: 'a new passphrase', roster })
    await expect(openWithPassphrase(changed.header, 'correct horse battery')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect((await openWithPassphrase(changed.header, 'a new passphrase')).get(1)?.equals(keys.get(1) as Buffer)).toBe(true)

    const rotated = await rewrapSyncHeader({ header: changed.header, keys, passphrase: 'a new passphrase', roster, rotate: true })
    expect(rotated.header.current).toBe(2)
    const opened = openWithRecovery(rotated.header, recovery.secret)
    expect([...opened.keys()]).toEqual([1, 2])
    const dropped = await rewrapSyncHeader({ header: rotated.header, keys: opened, passphrase: 'a new passphrase', roster, rotate: true, dropRecovery: rotated.header.keys[0]?.recovery[0]?.publicKey as string })
    // A dropped key (a removed device's) opens nothing in the new header; the passphrase opens all three.
    expect(() => openWithRecovery(dropped.header, recovery.secret)).toThrow(expect.objectContaining({ code: 'WRONG_RECOVERY_KEY' }))
    expect([...(await openWithPassphrase(dropped.header, 'a new passphrase')).keys()]).toEqual([1, 2, 3])
    expect(opened.get(2)?.equals(keys.get(1) as Buffer)).toBe(false)
    expect(readRoster(rotated.header, opened)).toEqual(roster)
  })
})
