/** Passphrase change, reset with the recovery key, data-key rotation (and its crash recovery). */
import Database from 'better-sqlite3-multiple-ciphers'
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseHeader } from '../../../src/main/core/vault/header'
import { openEncryptedDatabase } from '../../../src/main/core/vault/open-database'
import {
  cleanupTempDirs,
  createdVault,
  expectCode,
  expectCodeSync,
  insertNotes,
  makeVault,
  noteCount,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  recordingLogger,
  snapshot,
} from './vault-fixtures'

afterEach(cleanupTempDirs)

/** Grab the live data key by reading it back out of the header with the passphrase. */
async function dataKeyOf(dir: string, passphrase: string): Promise<Buffer> {
  const { derivePassphraseKey } = await import('../../../src/main/core/vault/kdf')
  const { openPassphraseSlot } = await import('../../../src/main/core/vault/wrap')
  const { fixedPart } = await import('../../../src/main/core/vault/header')
  const header = parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8'))
  const kek = await derivePassphraseKey(passphrase, Buffer.from(header.passphrase.salt, 'base64'), {
    memoryKiB: header.passphrase.memoryKiB,
    iterations: header.passphrase.iterations,
    parallelism: header.passphrase.parallelism,
  })
  const key = openPassphraseSlot(fixedPart(header), header.passphrase, header.recovery, kek)
  if (!key) throw new Error('passphrase did not unwrap')
  return key
}

describe('change passphrase', () => {
  it('re-wraps only: the new passphrase and the recovery key open, the old one does not; the database is untouched', async () => {
    const { dir, vault, recoveryKey } = await createdVault(40)
    vault.checkpoint()
    const dbBefore = readFileSync(join(dir, 'between.db'))
    const headerBefore = parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8'))

    await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)
    expect(vault.status()).toBe('unlocked')
    expect(readFileSync(join(dir, 'between.db')).equals(dbBefore)).toBe(true)
    const headerAfter = parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8'))
    expect(headerAfter.passphrase.salt).not.toBe(headerBefore.passphrase.salt)
    expect(headerAfter.recovery).toEqual(headerBefore.recovery)
    expect(headerAfter.keyGeneration).toBe(1)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])

    vault.lock()
    await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'WRONG_PASSPHRASE')
    await vault.unlock({ passphrase: OTHER_PASSPHRASE })
    expect(noteCount(vault.db())).toBe(40)
    vault.lock()
    await vault.unlock({ recoveryKey })
    expect(noteCount(vault.db())).toBe(40)
    vault.lock()
  })
})

describe('reset with the recovery key', () => {
  it('from locked: sets a new passphrase and leaves the vault unlocked; the old passphrase no longer opens', async () => {
    const { vault, recoveryKey } = await createdVault(7)
    vault.lock()
    await vault.resetWithRecoveryKey(recoveryKey.toLowerCase(), OTHER_PASSPHRASE)
    expect(vault.status()).toBe('unlocked')
    expect(noteCount(vault.db())).toBe(7)
    vault.lock()
    await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'WRONG_PASSPHRASE')
    await vault.unlock({ passphrase: OTHER_PASSPHRASE })
    vault.lock()
    // The same recovery key keeps working.
    await vault.unlock({ recoveryKey })
    vault.lock()
  })

  it('from unlocked works too; a weak new passphrase is refused before anything', async () => {
    const { dir, vault, recoveryKey } = await createdVault(2)
    const before = snapshot(dir)
    await expectCode(vault.resetWithRecoveryKey(recoveryKey, 'short'), 'WEAK_PASSPHRASE')
    expect(snapshot(dir)).toEqual(before)
    await vault.resetWithRecoveryKey(recoveryKey, OTHER_PASSPHRASE)
    vault.lock()
    await vault.unlock({ passphrase: OTHER_PASSPHRASE })
    vault.lock()
  })
})

describe('rotate the data key', () => {
  it('re-encrypts under a new key after a verified backup; passphrase and recovery key still open it', async () => {
    const { dir, vault, recoveryKey } = await createdVault(300)
    vault.db().pragma('user_version = 30')
    const oldKey = await dataKeyOf(dir, PASSPHRASE)
    const oldHeaderText = readFileSync(join(dir, 'between.header.json'), 'utf8')

    await vault.rotateDataKey(PASSPHRASE)
    expect(vault.status()).toBe('unlocked')
    // The live connection carries on under the new key.
    insertNotes(vault.db(), 5)
    expect(noteCount(vault.db())).toBe(305)

    const header = parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8'))
    expect(header.keyGeneration).toBe(2)
    expect(existsSync(join(dir, 'between.header.next.json'))).toBe(false)
    const newKey = await dataKeyOf(dir, PASSPHRASE)
    expect(newKey.equals(oldKey)).toBe(false)

    // The backup: old header and a copy under the old key, complete and intact.
    expect(readdirSync(join(dir, 'pre-rotation')).sort()).toEqual(['between.db', 'between.header.json'])
    expect(readFileSync(join(dir, 'pre-rotation', 'between.header.json'), 'utf8')).toBe(oldHeaderText)
    const backup = openEncryptedDatabase(join(dir, 'pre-rotation', 'between.db'), oldKey)
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(noteCount(backup)).toBe(300)
    expect(backup.pragma('user_version', { simple: true })).toBe(30)
    backup.close()
    // ...and it is itself a vault that opens with the passphrase of its time.
    const old = makeVault(join(dir, 'pre-rotation'))
    await old.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(old.db())).toBe(300)
    old.lock()

    vault.lock()
    // The old key no longer opens the live database.
    expectCodeSync(() => openEncryptedDatabase(join(dir, 'between.db'), oldKey), 'VAULT_CORRUPT')
    const raw = new Database(join(dir, 'between.db'))
    raw.pragma("cipher='sqlcipher'")
    raw.pragma('legacy=4')
    raw.pragma(`key="x'${oldKey.toString('hex')}'"`)
    expect(() => raw.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/)
    raw.close()

    await vault.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(vault.db())).toBe(305)
    expect(vault.db().pragma('journal_mode', { simple: true })).toBe('wal')
    vault.lock()
    await vault.unlock({ recoveryKey })
    expect(noteCount(vault.db())).toBe(305)
    vault.lock()
  })

  it('a second rotation replaces the backup with the newer generation', async () => {
    const { dir, vault } = await createdVault(10)
    await vault.rotateDataKey(PASSPHRASE)
    insertNotes(vault.db(), 1)
    await vault.rotateDataKey(PASSPHRASE)
    expect(parseHeader(readFileSync(join(dir, 'pre-rotation', 'between.header.json'), 'utf8')).keyGeneration).toBe(2)
    expect(parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8')).keyGeneration).toBe(3)
    // No temp file, pending header or half-made backup folder is left behind.
    expect(readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort()).toEqual(['between.db', 'between.header.json', 'between.lock', 'pre-rotation'])
    vault.lock()
    const backup = makeVault(join(dir, 'pre-rotation'))
    await backup.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(backup.db())).toBe(11)
    backup.lock()
  })

  it('a crash after the rekey but before the header rename is completed at the next unlock', async () => {
    const { dir, vault, recoveryKey } = await createdVault(25)
    await vault.rotateDataKey(PASSPHRASE)
    vault.lock()
    // Reconstruct the state at the crash: database under the new key, the new header still
    // pending, the old header in place.
    renameSync(join(dir, 'between.header.json'), join(dir, 'between.header.next.json'))
    copyFileSync(join(dir, 'pre-rotation', 'between.header.json'), join(dir, 'between.header.json'))

    // A wrong passphrase still changes nothing.
    const before = snapshot(dir)
    await expectCode(vault.unlock({ passphrase: 'not the passphrase' }), 'WRONG_PASSPHRASE')
    expect(snapshot(dir)).toEqual(before)

    await vault.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(vault.db())).toBe(25)
    expect(existsSync(join(dir, 'between.header.next.json'))).toBe(false)
    expect(parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8')).keyGeneration).toBe(2)
    vault.lock()

    // Same again, finishing with the recovery key.
    renameSync(join(dir, 'between.header.json'), join(dir, 'between.header.next.json'))
    copyFileSync(join(dir, 'pre-rotation', 'between.header.json'), join(dir, 'between.header.json'))
    await vault.unlock({ recoveryKey })
    expect(noteCount(vault.db())).toBe(25)
    expect(parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8')).keyGeneration).toBe(2)
    vault.lock()
  })

  it('a crash before the rekey leaves a stale pending header that unlock ignores and removes', async () => {
    const { dir, vault } = await createdVault(5)
    vault.lock()
    // A pending header whose key never reached the database (here: another vault's header).
    const other = await createdVault(1)
    other.vault.lock()
    writeFileSync(join(dir, 'between.header.next.json'), readFileSync(join(other.dir, 'between.header.json')))
    await vault.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(vault.db())).toBe(5)
    expect(existsSync(join(dir, 'between.header.next.json'))).toBe(false)
    vault.lock()
  })

  describe('the WAL copied into the file elsewhere first (the core: in a worker), not on the connection that closes', () => {
    const keyGeneration = (dir: string): number => parseHeader(readFileSync(join(dir, 'between.header.json'), 'utf8')).keyGeneration

    it('is asked while the vault is still open, with the WAL still to copy', async () => {
      let copiedPages = -1
      const { dir, vault } = await createdVault(400, {
        checkpointElsewhere: async () => {
          expect(vault.status()).toBe('unlocked')
          const other = openEncryptedDatabase(join(dir, 'between.db'), await dataKeyOf(dir, PASSPHRASE))
          try {
            copiedPages = (other.pragma('wal_checkpoint(PASSIVE)') as Array<{ checkpointed: number }>)[0]!.checkpointed
          } finally {
            other.close()
          }
        },
      })
      const before = keyGeneration(dir)
      await vault.rotateDataKey(PASSPHRASE)
      expect(copiedPages).toBeGreaterThan(0)
      expect(keyGeneration(dir)).toBe(before + 1)
      expect(noteCount(vault.db())).toBe(400)
      vault.lock()
    })

    it('failing there, still rotates (the connection copies it as it closes) and logs a code, nothing else', async () => {
      const logger = recordingLogger()
      const { dir, vault } = await createdVault(50, {
        logger,
        checkpointElsewhere: async () => {
          throw Object.assign(new Error('a private detail'), { code: 'EIO' })
        },
      })
      const before = keyGeneration(dir)
      await vault.rotateDataKey(PASSPHRASE)
      expect(keyGeneration(dir)).toBe(before + 1)
      expect(noteCount(vault.db())).toBe(50)
      expect(logger.lines).toContainEqual({ level: 'warn', code: 'vault.checkpoint_elsewhere_failed', detail: { code: 'EIO' } })
      expect(JSON.stringify(logger.lines)).not.toContain('private')
      vault.lock()
    })

    it('a lock meanwhile: VAULT_LOCKED, and the vault opens as before under its old key', async () => {
      const { dir, vault } = await createdVault(20, { checkpointElsewhere: async () => vault.lock() })
      const before = keyGeneration(dir)
      await expectCode(vault.rotateDataKey(PASSPHRASE), 'VAULT_LOCKED')
      expect(keyGeneration(dir)).toBe(before)
      expect(existsSync(join(dir, 'between.header.next.json'))).toBe(false)
      await vault.unlock({ passphrase: PASSPHRASE })
      expect(noteCount(vault.db())).toBe(20)
      vault.lock()
    })
  })

  it('needs the vault unlocked and the right passphrase', async () => {
    const { dir, vault } = await createdVault(3)
    vault.checkpoint()
    const before = snapshot(dir)
    await expectCode(vault.rotateDataKey('not the passphrase'), 'WRONG_PASSPHRASE')
    expect(snapshot(dir)).toEqual(before)
    expect(existsSync(join(dir, 'pre-rotation'))).toBe(false)
    vault.lock()
    await expectCode(vault.rotateDataKey(PASSPHRASE), 'VAULT_LOCKED')
  })
})
