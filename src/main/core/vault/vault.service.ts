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
 * docs/file-format.md describes the files. The parts: vault-context.ts (what they share),
 * vault-open.ts (unlock), vault-create.ts, vault-passphrase.ts, vault-rotation.ts.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { existsSync } from 'node:fs'
import { createCheckpointer } from './checkpoint'
import { safeCause, toVaultError } from './failures'
import { parseRecoveryKey } from './recovery-key'
import { createVaultContext, type VaultPaths, type VaultServiceOptions } from './vault-context'
import { createVault } from './vault-create'
import { unlockWith } from './vault-open'
import { changePassphrase, resetWithRecoveryKey } from './vault-passphrase'
import { rotateDataKey, type RotationResult } from './vault-rotation'
import { unwrap, type Secret } from './vault-secrets'

export type { VaultServiceOptions } from './vault-context'

export interface VaultService {
  readonly paths: VaultPaths
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
  /**
   * Re-encrypts the database under a new data key in a worker (job `rotate-key`); requires the
   * vault unlocked. `cancelled`: stopped before the rekey, the vault is as it was.
   */
  rotateDataKey(passphrase: string): Promise<RotationResult>
  /** Throws CoreError('VAULT_LOCKED') when locked. */
  db(): Database.Database
  /** wal_checkpoint(TRUNCATE): call soon after deletes so deleted rows leave the file. */
  checkpoint(): void
  /** A copy of the data key for a job's own connection; the caller zeroes it. VAULT_LOCKED when locked. */
  copyDataKey(): Buffer
  /** The database's bytes on disk, WAL included. */
  databaseBytes(): number
}

export function createVaultService(options: VaultServiceOptions): VaultService {
  const ctx = createVaultContext(options)
  const { paths } = ctx
  const { logger } = options
  const checkpointer = createCheckpointer(() => ctx.state?.db ?? null, (error) => logger.warn('vault.checkpoint_retry_failed', safeCause(error)))

  return {
    paths,

    status() {
      if (ctx.state) return 'unlocked'
      return existsSync(paths.header) || existsSync(paths.database) ? 'locked' : 'none'
    },

    create: (passphrase) => createVault(ctx, passphrase),

    async unlock(input) {
      const secret: Secret =
        'recoveryKey' in input
          ? { kind: 'recovery', secret: parseRecoveryKey(input.recoveryKey) }
          : { kind: 'passphrase', passphrase: input.passphrase }
      const since = ctx.epoch
      return ctx.serialize(async () => {
        try {
          if (ctx.state) {
            // Already open: the secret is still proven, so a lock screen shown over an open
            // vault (a window reloading mid-restore, say) never lets a wrong passphrase in.
            ;(await unwrap(ctx.loadHeader().header, secret)).fill(0)
            return
          }
          await unlockWith(ctx, secret, since)
        } finally {
          if (secret.kind === 'recovery') secret.secret.fill(0)
        }
      })
    },

    lock() {
      ctx.epoch++
      if (!ctx.state) return
      const { db, dataKey } = ctx.state
      ctx.state = null
      try {
        // A clean lock or quit leaves everything in between.db: a copy of it is complete alone.
        // (Closed during a data-key rotation: its job goes on, and the next unlock settles the files.)
        if (db.open) db.pragma('wal_checkpoint(TRUNCATE)')
      } catch (error) {
        logger.warn('vault.checkpoint_at_lock_failed', safeCause(error))
      }
      try {
        db.close()
      } catch (error) {
        logger.error('vault.close_failed', safeCause(error))
      } finally {
        dataKey.fill(0)
        ctx.folderLock.release()
      }
      options.onLock?.()
    },

    changePassphrase: (current, next) => changePassphrase(ctx, current, next),

    resetWithRecoveryKey: (recoveryKey, newPassphrase) => resetWithRecoveryKey(ctx, recoveryKey, newPassphrase),

    rotateDataKey: (passphrase) => rotateDataKey(ctx, passphrase),

    db() {
      return ctx.requireUnlocked().db
    },

    copyDataKey() {
      const { dataKey } = ctx.requireUnlocked()
      const copy = Buffer.alloc(dataKey.length) // its own memory, not Buffer's shared pool
      dataKey.copy(copy)
      return copy
    },

    databaseBytes: ctx.databaseBytes,

    checkpoint() {
      const { db } = ctx.requireUnlocked()
      try {
        checkpointer.checkpoint(db)
      } catch (error) {
        throw toVaultError(error)
      }
    },
  }
}
