/**
 * The vault: one SQLCipher 4 database plus a JSON header, in one folder.
 *
 *   <dataDir>/between.db            the encrypted database (raw 32-byte data key)
 *   <dataDir>/between.header.json   the data key wrapped by the passphrase and by the recovery key
 *
 * Invariants:
 * - A wrong passphrase or recovery key changes no byte in the folder: the header is only read,
 *   and the database is opened only after the wrap has authenticated the key.
 * - The data key lives only in a Buffer owned here, zeroed on lock (and on every failure path).
 * - Operations that await (key derivation) run one at a time. lock() may come in between: an
 *   operation that finds the vault was locked while it waited stops with VAULT_LOCKED and
 *   leaves the files as they were.
 * docs/file-format.md describes the files.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CoreError } from '../errors'
import type { Clock, KdfCost, Logger } from '../ports'
import { fsyncDirectory, removeIfPresent, tempPathFor, writeFileAtomicSync } from './atomic-write'
import { corrupt, ioError, isNotFound, safeCause, toVaultError } from './failures'
import {
  DATABASE_FILE,
  fixedPart,
  HEADER_FILE,
  HEADER_FORMAT,
  HEADER_VERSION,
  parseHeader,
  PENDING_HEADER_FILE,
  serializeHeader,
  type HeaderFixed,
  type PassphraseKdfParams,
  type RecoveryIdentity,
  type VaultHeader,
} from './header'
import { assertPassphraseFloor, calibrateKdf, derivePassphraseKey, KDF_SALT_BYTES } from './kdf'
import { createFolderLockHolder } from './folder-lock'
import { openEncryptedDatabase, quickCheck } from './open-database'
import { withUntouchedSidecars } from './untouched-sidecars'
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key'
import { rotateDatabaseKey } from './rotate'
import {
  generateDataKey,
  openPassphraseSlot,
  openRecoverySlot,
  recoveryIdentity,
  sealPassphraseSlot,
  sealRecoverySlot,
} from './wrap'

/** Vaults up to this size get a full page check at every unlock (about 0.3 s here at 64 MiB). */
export const FULL_CHECK_UP_TO_BYTES = 64 * 2 ** 20

export interface VaultServiceOptions {
  dataDir: string
  clock: Clock
  logger: Logger
  /** Tests pass a cheap cost; production omits it and calibrates at creation (floor 64 MiB, t=3). */
  kdfCost?: KdfCost
  /** Runs on every successful open (migrations). If it throws, close the db and rethrow. */
  onOpen: (db: Database.Database) => void
  /** Runs after lock() closed the db. */
  onLock?: () => void
  /** Full page check at unlock up to this many bytes of database and WAL (default FULL_CHECK_UP_TO_BYTES). */
  fullCheckUpToBytes?: number
  /** Runs just before a data-key rotation rekeys the database, on its connection (a backup). */
  onBeforeRotate?: (db: Database.Database) => void
}

export interface VaultService {
  readonly paths: { dir: string; database: string; header: string }
  status(): 'none' | 'locked' | 'unlocked'
  /** Leaves the vault unlocked; VAULT_EXISTS if a vault is present. */
  create(passphrase: string): Promise<{ recoveryKey: string }>
  /** Returns at once when already unlocked. */
  unlock(input: { passphrase: string } | { recoveryKey: string }): Promise<void>
  lock(): void
  /** Re-wraps the data key; requires the vault unlocked. */
  changePassphrase(current: string, next: string): Promise<void>
  /** Re-wraps under a new passphrase with the recovery key; leaves the vault unlocked. */
  resetWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<void>
  /** Re-encrypts the database under a new data key; requires the vault unlocked. */
  rotateDataKey(passphrase: string): Promise<void>
  /** Throws CoreError('VAULT_LOCKED') when locked. */
  db(): Database.Database
  /** wal_checkpoint(TRUNCATE): call soon after deletes so deleted rows leave the file. */
  checkpoint(): void
  /** A copy of the data key for a job's own connection; the caller zeroes it. VAULT_LOCKED when locked. */
  copyDataKey(): Buffer
  /** The database's bytes on disk, WAL included. */
  databaseBytes(): number
}

type Secret = { kind: 'passphrase'; passphrase: string } | { kind: 'recovery'; secret: Buffer }

interface Unlocked {
  db: Database.Database
  dataKey: Buffer
}

const randomSalt = (): Buffer => randomBytes(KDF_SALT_BYTES)

const kdfParams = (cost: KdfCost, salt: Buffer): PassphraseKdfParams => ({
  kdf: 'argon2id',
  argon2Version: 19,
  memoryKiB: cost.memoryKiB,
  iterations: cost.iterations,
  parallelism: cost.parallelism,
  salt: salt.toString('base64'),
})

const costOf = (header: VaultHeader): KdfCost => ({
  memoryKiB: header.passphrase.memoryKiB,
  iterations: header.passphrase.iterations,
  parallelism: header.passphrase.parallelism,
})

const identityOf = (header: VaultHeader): RecoveryIdentity => ({
  salt: header.recovery.salt,
  publicKey: header.recovery.publicKey,
})

const sameKey = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b)

export function createVaultService(options: VaultServiceOptions): VaultService {
  const dir = options.dataDir
  const paths = Object.freeze({ dir, database: join(dir, DATABASE_FILE), header: join(dir, HEADER_FILE) })
  const sizeOf = (path: string): number => {
    try {
      return statSync(path).size
    } catch {
      return 0
    }
  }
  const databaseBytes = (): number => sizeOf(paths.database) + sizeOf(`${paths.database}-wal`)
  const pendingPath = join(dir, PENDING_HEADER_FILE)
  const { logger } = options

  let state: Unlocked | null = null
  /** Held from a successful create or unlock until lock(): one process owns the vault. */
  const folderLock = createFolderLockHolder(dir)
  /** Bumped by every lock(): an awaiting operation compares it to know it was interrupted. */
  let epoch = 0
  let tail: Promise<void> = Promise.resolve()

  const serialize = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn)
    tail = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  const requireUnlocked = (): Unlocked => {
    if (!state) throw new CoreError('VAULT_LOCKED')
    return state
  }

  const assertNotInterrupted = (since: number, ...buffers: Buffer[]): void => {
    if (epoch !== since) {
      for (const buffer of buffers) buffer.fill(0)
      throw new CoreError('VAULT_LOCKED')
    }
  }

  const readText = (path: string): string => {
    try {
      return readFileSync(path, 'utf8')
    } catch (error) {
      if (isNotFound(error)) throw error
      throw ioError(error)
    }
  }

  /** The current header; VAULT_NOT_FOUND when there is no vault, VAULT_CORRUPT when half of one. */
  const loadHeader = (): { header: VaultHeader; text: string } => {
    let text: string
    try {
      text = readText(paths.header)
    } catch (error) {
      if (error instanceof CoreError) throw error
      throw existsSync(paths.database) ? new CoreError('VAULT_CORRUPT', { cause: { code: 'HEADER_MISSING' } }) : new CoreError('VAULT_NOT_FOUND')
    }
    return { header: parseHeader(text), text }
  }

  /** Authenticates the secret against a header's wrap; WRONG_* on failure. */
  const unwrap = async (header: VaultHeader, secret: Secret): Promise<Buffer> => {
    const fixed = fixedPart(header)
    if (secret.kind === 'recovery') {
      const key = openRecoverySlot(fixed, header.recovery, secret.secret)
      if (!key) throw new CoreError('WRONG_RECOVERY_KEY')
      return key
    }
    // Between never accepts an empty passphrase, and Argon2 refuses an empty input.
    if (secret.passphrase.length === 0) throw new CoreError('WRONG_PASSPHRASE')
    const salt = Buffer.from(header.passphrase.salt, 'base64')
    const kek = await derivePassphraseKey(secret.passphrase, salt, costOf(header))
    try {
      const key = openPassphraseSlot(fixed, header.passphrase, identityOf(header), kek)
      if (!key) throw new CoreError('WRONG_PASSPHRASE')
      return key
    } finally {
      kek.fill(0)
    }
  }

  const fullCheckUpTo = options.fullCheckUpToBytes ?? FULL_CHECK_UP_TO_BYTES

  /**
   * Opens the database with a key the wrap has proven. Up to `fullCheckUpTo` bytes every page is
   * checked at unlock (quick_check: each page's HMAC and the b-tree). A larger vault is checked
   * page by page as it is read (SQLCipher verifies the HMAC of every page it reads, and a failure
   * reaches the person as VAULT_CORRUPT) and in full by the daily verified backup, which reads
   * every page: a full check at each unlock would cost seconds at 200,000 entries.
   */
  const openVerified = (dataKey: Buffer): Database.Database => {
    // Proof and check first on a read-only connection: a failed unlock changes no byte and
    // leaves no new file (docs/security.md). Only a database that passed opens for writing.
    withUntouchedSidecars(paths.database, () => {
      const probe = openEncryptedDatabase(paths.database, dataKey, { readOnly: true })
      try {
        if (databaseBytes() <= fullCheckUpTo) quickCheck(probe)
      } finally {
        probe.close()
      }
    })
    return openEncryptedDatabase(paths.database, dataKey)
  }

  const runOnOpen = (db: Database.Database, dataKey: Buffer): void => {
    try {
      options.onOpen(db)
    } catch (error) {
      db.close()
      dataKey.fill(0)
      throw error
    }
  }

  /**
   * A data-key rotation interrupted after the rekey: the database is under the key in the
   * pending header. Only consulted when the current header's key does not open the database.
   */
  const tryPendingHeader = async (secret: Secret, since: number): Promise<{ db: Database.Database; dataKey: Buffer } | null> => {
    let pending: VaultHeader
    try {
      pending = parseHeader(readFileSync(pendingPath, 'utf8'))
    } catch {
      return null
    }
    let dataKey: Buffer
    try {
      dataKey = await unwrap(pending, secret)
    } catch {
      return null
    }
    assertNotInterrupted(since, dataKey)
    let db: Database.Database
    try {
      db = openVerified(dataKey)
    } catch {
      dataKey.fill(0)
      return null
    }
    try {
      renameSync(pendingPath, paths.header)
      fsyncDirectory(dir)
    } catch (error) {
      db.close()
      dataKey.fill(0)
      throw ioError(error)
    }
    logger.warn('vault.rotation_completed_at_unlock')
    return { db, dataKey }
  }

  const unlockWith = async (secret: Secret, since: number): Promise<void> => {
    const { header } = loadHeader()
    await folderLock.whileOpening(() => openWith(header, secret, since))
  }

  const openWith = async (header: VaultHeader, secret: Secret, since: number): Promise<void> => {
    if (!existsSync(paths.database)) throw new CoreError('VAULT_CORRUPT', { cause: { code: 'DATABASE_MISSING' } })

    let dataKey = await unwrap(header, secret)
    assertNotInterrupted(since, dataKey)

    let db: Database.Database
    let resumedRotation = false
    try {
      db = openVerified(dataKey)
    } catch (error) {
      dataKey.fill(0)
      if (!(error instanceof CoreError) || error.code !== 'VAULT_CORRUPT' || !existsSync(pendingPath)) {
        if (error instanceof CoreError && error.code === 'VAULT_CORRUPT') logger.error('vault.corrupt', { stage: 'open' })
        throw error
      }
      const resumed = await tryPendingHeader(secret, since)
      if (!resumed) {
        logger.error('vault.corrupt', { stage: 'open' })
        throw error
      }
      ;({ db, dataKey } = resumed)
      resumedRotation = true
    }
    if (epoch !== since) {
      db.close()
      dataKey.fill(0)
      throw new CoreError('VAULT_LOCKED')
    }
    runOnOpen(db, dataKey)
    state = { db, dataKey }
    if (!resumedRotation) {
      // The header's key opened the database: a pending header is from a rotation that never
      // reached its rekey. The right secret was given, so tidying the folder is fine.
      try {
        removeIfPresent(pendingPath)
      } catch (error) {
        logger.warn('vault.stale_pending_header', safeCause(error))
      }
    }
  }

  const writeHeader = (header: VaultHeader): void => {
    try {
      writeFileAtomicSync(paths.header, serializeHeader(header))
    } catch (error) {
      throw ioError(error)
    }
  }

  /** Re-wraps `dataKey` under a new passphrase (fresh salt, the header's cost). */
  const rewrapPassphrase = async (header: VaultHeader, dataKey: Buffer, passphrase: string, since: number): Promise<void> => {
    const salt = randomSalt()
    const kek = await derivePassphraseKey(passphrase, salt, costOf(header))
    assertNotInterrupted(since, kek)
    try {
      const slot = sealPassphraseSlot(fixedPart(header), kdfParams(costOf(header), salt), identityOf(header), kek, dataKey)
      writeHeader({ ...header, passphrase: slot })
    } finally {
      kek.fill(0)
    }
  }

  const removeCreated = (): void => {
    for (const path of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, `${paths.database}-journal`, tempPathFor(paths.header), folderLock.path]) {
      try {
        removeIfPresent(path)
      } catch {
        // best effort: the original error is the one worth reporting
      }
    }
  }

  const service: VaultService = {
    paths,

    status() {
      if (state) return 'unlocked'
      return existsSync(paths.header) || existsSync(paths.database) ? 'locked' : 'none'
    },

    async create(passphrase) {
      assertPassphraseFloor(passphrase)
      const since = epoch
      return serialize(async () => {
        const present = () => state !== null || existsSync(paths.header) || existsSync(paths.database)
        if (present()) throw new CoreError('VAULT_EXISTS')

        const cost = options.kdfCost ?? (await calibrateKdf()).cost
        const salt = randomSalt()
        const kek = await derivePassphraseKey(passphrase, salt, cost)
        const dataKey = generateDataKey()
        const recovery = generateRecoveryKey()
        let header: VaultHeader
        try {
          assertNotInterrupted(since)
          const identity = recoveryIdentity(recovery.secret, randomSalt())
          const fixed: HeaderFixed = {
            format: HEADER_FORMAT,
            version: HEADER_VERSION,
            vaultId: randomUUID(),
            createdAt: Math.trunc(options.clock.now()),
            keyGeneration: 1,
            database: { cipher: 'sqlcipher', legacy: 4 },
          }
          header = {
            ...fixed,
            passphrase: sealPassphraseSlot(fixed, kdfParams(cost, salt), identity, kek, dataKey),
            recovery: sealRecoverySlot(fixed, identity, dataKey),
          }
          assertNotInterrupted(since)
          if (present()) throw new CoreError('VAULT_EXISTS')
        } catch (error) {
          dataKey.fill(0)
          throw error
        } finally {
          kek.fill(0)
          recovery.secret.fill(0)
        }

        try {
          mkdirSync(dir, { recursive: true, mode: 0o700 })
          folderLock.take()
        } catch (error) {
          dataKey.fill(0)
          throw error instanceof CoreError ? error : ioError(error)
        }
        let db: Database.Database
        try {
          db = openEncryptedDatabase(paths.database, dataKey, { create: true })
        } catch (error) {
          dataKey.fill(0)
          folderLock.release()
          removeCreated()
          throw toVaultError(error)
        }
        try {
          options.onOpen(db)
          writeHeader(header)
        } catch (error) {
          db.close()
          dataKey.fill(0)
          folderLock.release()
          removeCreated()
          throw error
        }
        state = { db, dataKey }
        return { recoveryKey: recovery.display }
      })
    },

    async unlock(input) {
      const secret: Secret =
        'recoveryKey' in input
          ? { kind: 'recovery', secret: parseRecoveryKey(input.recoveryKey) }
          : { kind: 'passphrase', passphrase: input.passphrase }
      const since = epoch
      return serialize(async () => {
        try {
          if (state) {
            // Already open: the secret is still proven, so a lock screen shown over an open
            // vault (a window reloading mid-restore, say) never lets a wrong passphrase in.
            ;(await unwrap(loadHeader().header, secret)).fill(0)
            return
          }
          await unlockWith(secret, since)
        } finally {
          if (secret.kind === 'recovery') secret.secret.fill(0)
        }
      })
    },

    lock() {
      epoch++
      if (!state) return
      const { db, dataKey } = state
      state = null
      try {
        // A clean lock or quit leaves everything in between.db: a copy of it is complete alone.
        db.pragma('wal_checkpoint(TRUNCATE)')
      } catch (error) {
        logger.warn('vault.checkpoint_at_lock_failed', safeCause(error))
      }
      try {
        db.close()
      } catch (error) {
        logger.error('vault.close_failed', safeCause(error))
      } finally {
        dataKey.fill(0)
        folderLock.release()
      }
      options.onLock?.()
    },

    async changePassphrase(current, next) {
      assertPassphraseFloor(next)
      const since = epoch
      return serialize(async () => {
        assertNotInterrupted(since)
        const unlocked = requireUnlocked()
        const { header } = loadHeader()
        const key = await unwrap(header, { kind: 'passphrase', passphrase: current })
        try {
          assertNotInterrupted(since)
          if (!sameKey(key, unlocked.dataKey)) throw corrupt()
          await rewrapPassphrase(header, key, next, since)
        } finally {
          key.fill(0)
        }
      })
    },

    async resetWithRecoveryKey(recoveryKey, newPassphrase) {
      const secret = parseRecoveryKey(recoveryKey)
      try {
        assertPassphraseFloor(newPassphrase)
      } catch (error) {
        secret.fill(0)
        throw error
      }
      const since = epoch
      return serialize(async () => {
        try {
          assertNotInterrupted(since)
          if (!state) await unlockWith({ kind: 'recovery', secret }, since)
          const unlocked = requireUnlocked()
          const { header } = loadHeader()
          const key = openRecoverySlot(fixedPart(header), header.recovery, secret)
          if (!key) throw new CoreError('WRONG_RECOVERY_KEY')
          try {
            if (!sameKey(key, unlocked.dataKey)) throw corrupt()
            await rewrapPassphrase(header, key, newPassphrase, since)
          } finally {
            key.fill(0)
          }
        } finally {
          secret.fill(0)
        }
      })
    },

    async rotateDataKey(passphrase) {
      const since = epoch
      return serialize(async () => {
        assertNotInterrupted(since)
        const unlocked = requireUnlocked()
        const { header, text } = loadHeader()
        const oldKey = await unwrap(header, { kind: 'passphrase', passphrase })
        const newKey = generateDataKey()
        let kek: Buffer | null = null
        let rekeyed = false
        try {
          assertNotInterrupted(since)
          if (!sameKey(oldKey, unlocked.dataKey)) throw corrupt()
          const salt = randomSalt()
          kek = await derivePassphraseKey(passphrase, salt, costOf(header))
          assertNotInterrupted(since)

          const fixed: HeaderFixed = { ...fixedPart(header), keyGeneration: header.keyGeneration + 1 }
          const identity = identityOf(header)
          const next: VaultHeader = {
            ...fixed,
            passphrase: sealPassphraseSlot(fixed, kdfParams(costOf(header), salt), identity, kek, newKey),
            recovery: sealRecoverySlot(fixed, identity, newKey),
          }
          options.onBeforeRotate?.(unlocked.db)
          rotateDatabaseKey({
            db: unlocked.db,
            dir,
            oldKey,
            newKey,
            currentHeaderText: text,
            nextHeaderText: serializeHeader(next),
            onRekeyed: () => {
              rekeyed = true
              unlocked.dataKey.fill(0)
              unlocked.dataKey = newKey
            },
          })
        } finally {
          oldKey.fill(0)
          kek?.fill(0)
          if (!rekeyed) newKey.fill(0)
        }
      })
    },

    db() {
      return requireUnlocked().db
    },

    copyDataKey() {
      const { dataKey } = requireUnlocked()
      const copy = Buffer.alloc(dataKey.length) // its own memory, not Buffer's shared pool
      dataKey.copy(copy)
      return copy
    },

    databaseBytes,

    checkpoint() {
      const { db } = requireUnlocked()
      try {
        db.pragma('wal_checkpoint(TRUNCATE)')
      } catch (error) {
        throw toVaultError(error)
      }
    },
  }
  return service
}
