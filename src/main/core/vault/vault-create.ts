/** Creating a vault: a new data key, wrapped by the passphrase and by a new recovery key. */
import type Database from 'better-sqlite3-multiple-ciphers'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { CoreError } from '../errors'
import { removeIfPresent, tempPathFor } from './atomic-write'
import { ioError, toVaultError } from './failures'
import { HEADER_FORMAT, HEADER_VERSION, type HeaderFixed, type VaultHeader } from './header'
import { assertPassphraseFloor, calibrateKdf, derivePassphraseKey } from './kdf'
import { openEncryptedDatabase } from './open-database'
import { generateRecoveryKey } from './recovery-key'
import type { VaultContext } from './vault-context'
import { kdfParams, randomSalt } from './vault-secrets'
import { generateDataKey, recoveryIdentity, sealPassphraseSlot, sealRecoverySlot } from './wrap'

function removeCreated(ctx: VaultContext): void {
  const { database, header } = ctx.paths
  for (const path of [database, `${database}-wal`, `${database}-shm`, `${database}-journal`, tempPathFor(header), ctx.folderLock.path]) {
    try {
      removeIfPresent(path)
    } catch {
      // best effort: the original error is the one worth reporting
    }
  }
}

/** Leaves the vault unlocked; VAULT_EXISTS if a vault is present. */
export async function createVault(ctx: VaultContext, passphrase: string): Promise<{ recoveryKey: string }> {
  assertPassphraseFloor(passphrase)
  const since = ctx.epoch
  const { options, paths, folderLock } = ctx
  return ctx.serialize(async () => {
    const present = () => ctx.state !== null || existsSync(paths.header) || existsSync(paths.database)
    if (present()) throw new CoreError('VAULT_EXISTS')

    const cost = options.kdfCost ?? (await calibrateKdf()).cost
    const salt = randomSalt()
    const kek = await derivePassphraseKey(passphrase, salt, cost)
    const dataKey = generateDataKey()
    const recovery = generateRecoveryKey()
    let header: VaultHeader
    try {
      ctx.assertNotInterrupted(since)
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
      ctx.assertNotInterrupted(since)
      if (present()) throw new CoreError('VAULT_EXISTS')
    } catch (error) {
      dataKey.fill(0)
      throw error
    } finally {
      kek.fill(0)
      recovery.secret.fill(0)
    }

    try {
      mkdirSync(paths.dir, { recursive: true, mode: 0o700 })
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
      removeCreated(ctx)
      throw toVaultError(error)
    }
    try {
      options.onOpen(db)
      ctx.writeHeader(header)
    } catch (error) {
      db.close()
      dataKey.fill(0)
      folderLock.release()
      removeCreated(ctx)
      throw error
    }
    ctx.state = { db, dataKey }
    return { recoveryKey: recovery.display }
  })
}
