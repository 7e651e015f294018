import Database from 'better-sqlite3-multiple-ciphers'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CoreError } from '../../../src/main/core/errors'
import { CHECKPOINT_RETRY_MS } from '../../../src/main/core/vault/checkpoint'
import { openEncryptedDatabase } from '../../../src/main/core/vault/open-database'
import { normalizeRecoveryKey } from '../../../src/main/core/vault/recovery-key'
import {
  cleanupTempDirs,
  createdVault,
  expectCode,
  expectCodeSync,
  insertNotes,
  makeVault,
  noteCount,
  PASSPHRASE,
  vaultDir,
} from './vault-fixtures'

afterEach(cleanupTempDirs)

const readPragmas = (db: Database.Database) => ({
  cipher: db.pragma('cipher', { simple: true }),
  legacy: Number(db.pragma('legacy', { simple: true })),
  journal_mode: db.pragma('journal_mode', { simple: true }),
  synchronous: db.pragma('synchronous', { simple: true }),
  temp_store: db.pragma('temp_store', { simple: true }),
  secure_delete: db.pragma('secure_delete', { simple: true }),
  foreign_keys: db.pragma('foreign_keys', { simple: true }),
})

const EXPECTED_PRAGMAS = {
  cipher: 'sqlcipher',
  legacy: 4,
  journal_mode: 'wal',
  synchronous: 2,
  temp_store: 2,
  secure_delete: 1,
  foreign_keys: 1,
}

describe('vault lifecycle', () => {
  it('creates, locks and unlocks (passphrase and recovery key) with the data intact', async () => {
    const dir = vaultDir()
    const vault = makeVault(dir)
    expect(vault.status()).toBe('none')
    expect(vault.paths).toEqual({ dir, database: join(dir, 'between.db'), header: join(dir, 'between.header.json') })

    const { recoveryKey } = await vault.create(PASSPHRASE)
    expect(vault.status()).toBe('unlocked')
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/)
    insertNotes(vault.db(), 5)

    vault.lock()
    expect(vault.status()).toBe('locked')
    expect(readdirSync(dir).sort()).toEqual(['between.db', 'between.header.json', 'between.lock'])

    await vault.unlock({ passphrase: PASSPHRASE })
    expect(vault.status()).toBe('unlocked')
    expect(noteCount(vault.db())).toBe(5)
    vault.lock()

    // Lower case, spaces instead of hyphens, O for 0: still the same key.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o')
    await vault.unlock({ recoveryKey: typed })
    expect(noteCount(vault.db())).toBe(5)
    expect(normalizeRecoveryKey(typed)).toBe(recoveryKey)

    // A second service over the same folder (an app restart) sees a locked vault.
    vault.lock()
    const again = makeVault(dir)
    expect(again.status()).toBe('locked')
    await again.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(again.db())).toBe(5)
    again.lock()
  })

  it('sets and keeps the required pragmas on every open', async () => {
    const { vault } = await createdVault()
    expect(readPragmas(vault.db())).toEqual(EXPECTED_PRAGMAS)
    vault.lock()
    await vault.unlock({ passphrase: PASSPHRASE })
    expect(readPragmas(vault.db())).toEqual(EXPECTED_PRAGMAS)
    vault.lock()
  })

  it('unlock when already unlocked keeps the same connection (the secret is still checked); lock is a no-op when locked', async () => {
    const onLock = vi.fn()
    const { vault } = await createdVault(1, { onLock })
    const db = vault.db()
    await vault.unlock({ passphrase: PASSPHRASE })
    await expectCode(vault.unlock({ passphrase: 'not the passphrase' }), 'WRONG_PASSPHRASE')
    expect(vault.db()).toBe(db)
    vault.lock()
    vault.lock()
    expect(onLock).toHaveBeenCalledTimes(1)
  })

  it('VAULT_EXISTS, VAULT_NOT_FOUND, VAULT_LOCKED, WEAK_PASSPHRASE', async () => {
    const dir = vaultDir()
    const vault = makeVault(dir)
    await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_NOT_FOUND')
    await expectCode(vault.unlock({ recoveryKey: '00000-00000-00000-00000-00000-00000' }).catch((e: CoreError) => {
      // A well-formed key needs the right checksum; either way nothing exists.
      throw e.code === 'INVALID_RECOVERY_KEY_FORMAT' ? new CoreError('VAULT_NOT_FOUND') : e
    }), 'VAULT_NOT_FOUND')
    expectCodeSync(() => vault.db(), 'VAULT_LOCKED')
    expectCodeSync(() => vault.checkpoint(), 'VAULT_LOCKED')
    await expectCode(vault.changePassphrase(PASSPHRASE, 'another passphrase'), 'VAULT_LOCKED')
    await expectCode(vault.rotateDataKey(PASSPHRASE), 'VAULT_LOCKED')

    await expectCode(vault.create('short'), 'WEAK_PASSPHRASE')
    await expectCode(vault.create('1234567'), 'WEAK_PASSPHRASE')
    expect(existsSync(dir)).toBe(false)

    await vault.create(PASSPHRASE)
    await expectCode(vault.create(PASSPHRASE), 'VAULT_EXISTS')
    vault.lock()
    await expectCode(makeVault(dir).create(PASSPHRASE), 'VAULT_EXISTS')
    await expectCode(vault.changePassphrase(PASSPHRASE, 'short'), 'WEAK_PASSPHRASE')

    // A database without a header (or the reverse) is not "no vault": create refuses it.
    const half = vaultDir()
    mkdirSync(half)
    writeFileSync(join(half, 'between.db'), 'x')
    expect(makeVault(half).status()).toBe('locked')
    await expectCode(makeVault(half).create(PASSPHRASE), 'VAULT_EXISTS')
    await expectCode(makeVault(half).unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
  })

  it('IO_ERROR when the data folder cannot be made (its path is a file)', async () => {
    const parent = vaultDir()
    mkdirSync(parent)
    const file = join(parent, 'not-a-folder')
    writeFileSync(file, 'x')
    const vault = makeVault(file)
    expect(vault.status()).toBe('none')
    const error = await expectCode(vault.create(PASSPHRASE), 'IO_ERROR')
    expect(JSON.stringify(error.cause)).not.toContain(parent)
    expect(vault.status()).toBe('none')
  })

  it('a passphrase of 8 characters counts code points after NFC, not UTF-16 units', async () => {
    const vault = makeVault(vaultDir())
    // 4 emoji are 8 UTF-16 units but 4 characters.
    await expectCode(vault.create('🙂🙂🙂🙂'), 'WEAK_PASSPHRASE')
    // e + combining acute, 8 times: 16 code points, 8 after NFC: just enough.
    await vault.create('e\u0301'.repeat(8))
    vault.lock()
    // The NFC form unlocks what the decomposed form created.
    await vault.unlock({ passphrase: '\u00e9'.repeat(8) })
    vault.lock()
  })

  it('checkpoint(TRUNCATE) empties the WAL', async () => {
    const { dir, vault } = await createdVault(200)
    vault.db().prepare('DELETE FROM notes').run()
    vault.checkpoint()
    const { size } = await import('node:fs').then((fs) => fs.statSync(join(dir, 'between.db-wal')))
    expect(size).toBe(0)
    vault.lock()
  })

  it('a checkpoint while another connection reads does not wait for it; it is tried again until the WAL is empty', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    try {
      const { dir, vault } = await createdVault(200)
      const walSize = () => statSync(join(dir, 'between.db-wal')).size
      const key = vault.copyDataKey()
      const reader = openEncryptedDatabase(join(dir, 'between.db'), key)
      key.fill(0)
      // A backup's read transaction: it holds the snapshot the WAL's frames belong to.
      reader.exec('BEGIN')
      reader.prepare('SELECT count(*) FROM notes').get()
      vault.db().prepare('DELETE FROM notes').run()
      vault.checkpoint() // would wait 5 s for the reader with a busy handler
      expect(walSize()).toBeGreaterThan(0)
      vi.advanceTimersByTime(CHECKPOINT_RETRY_MS)
      expect(walSize()).toBeGreaterThan(0) // still reading: tried, not waited for
      reader.exec('COMMIT')
      reader.close()
      vi.advanceTimersByTime(CHECKPOINT_RETRY_MS)
      expect(walSize()).toBe(0)
      vault.lock()
    } finally {
      vi.useRealTimers()
    }
  })

  it('onOpen runs on create and unlock; if it throws, the db is closed and the error rethrown', async () => {
    const seen: Database.Database[] = []
    const { dir, vault } = await createdVault(1, { onOpen: (db) => void seen.push(db.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')) })
    expect(seen).toHaveLength(1)
    vault.lock()

    const boom = new Error('migration failed')
    let opened: Database.Database | undefined
    const failing = makeVault(dir, {
      onOpen: (db) => {
        opened = db
        throw boom
      },
    })
    await expect(failing.unlock({ passphrase: PASSPHRASE })).rejects.toBe(boom)
    expect(failing.status()).toBe('locked')
    expect(opened?.open).toBe(false)

    // On create, a failing onOpen leaves nothing behind.
    const fresh = vaultDir()
    await expect(makeVault(fresh, { onOpen: () => { throw boom } }).create(PASSPHRASE)).rejects.toBe(boom)
    expect(existsSync(fresh) ? readdirSync(fresh) : []).toEqual([])
  })

  it('refuses a database file that is plaintext SQLite', async () => {
    const { dir, vault } = await createdVault()
    vault.lock()
    const plain = new Database(join(dir, 'between.db.plain'))
    plain.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    plain.close()
    const { renameSync } = await import('node:fs')
    renameSync(join(dir, 'between.db.plain'), join(dir, 'between.db'))
    const error = await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
    expect(error.cause).toEqual({ code: 'PLAINTEXT_SQLITE' })
    expect(vault.status()).toBe('locked')
  })

  it('a lock() while unlock is deriving the key wins: unlock ends VAULT_LOCKED', async () => {
    const { vault } = await createdVault()
    vault.lock()
    const pending = vault.unlock({ passphrase: PASSPHRASE })
    vault.lock()
    await expectCode(pending, 'VAULT_LOCKED')
    expect(vault.status()).toBe('locked')
  })

  it('operations run one at a time', async () => {
    const { vault } = await createdVault()
    vault.lock()
    const results = await Promise.all([vault.unlock({ passphrase: PASSPHRASE }), vault.unlock({ passphrase: PASSPHRASE })])
    expect(results).toEqual([undefined, undefined])
    expect(vault.status()).toBe('unlocked')
    vault.lock()
  })

  it('error messages carry no user content', async () => {
    const { dir, vault } = await createdVault()
    vault.lock()
    const errors = [
      await expectCode(vault.unlock({ passphrase: 'my secret wrong passphrase' }), 'WRONG_PASSPHRASE'),
      await expectCode(vault.unlock({ recoveryKey: 'my secret typo' }), 'INVALID_RECOVERY_KEY_FORMAT'),
      await expectCode(makeVault(join(dir, 'nope')).unlock({ passphrase: PASSPHRASE }), 'VAULT_NOT_FOUND'),
    ]
    for (const error of errors) {
      const text = `${error.message} ${JSON.stringify(error.cause ?? null)} ${JSON.stringify(error.toRpcError())}`
      expect(text).not.toContain('secret')
      expect(text).not.toContain(dir)
    }
  })
})
