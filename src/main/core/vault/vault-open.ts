/**
 * Opening the vault with a proven secret: the key from the header's wrap, a read-only proof and
 * check of the database (the check in a worker; a failed unlock changes no byte), migrations,
 * and the finish of a data-key rotation interrupted after its rekey.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { existsSync, readFileSync, renameSync } from 'node:fs'
import { CoreError } from '../errors'
import { fsyncDirectory, removeIfPresent } from './atomic-write'
import { ioError, safeCause } from './failures'
import { parseHeader, type VaultHeader } from './header'
import { openEncryptedDatabase, quickCheck } from './open-database'
import { hasHotJournal, restoreSaltForJournal } from './rekey-journal'
import { withUntouchedSidecars } from './untouched-sidecars'
import type { PageCheck, Unlocked, VaultContext } from './vault-context'
import { unwrap, type Secret } from './vault-secrets'

/** Vaults up to this size get a full page check at every unlock (about 0.3 s here at 64 MiB, in a worker). */
export const FULL_CHECK_UP_TO_BYTES = 64 * 2 ** 20

/**
 * Up to this size the check runs on this thread (a few milliseconds): a worker's start would cost
 * more than the check itself.
 */
export const CHECK_HERE_UP_TO_BYTES = 2 ** 20

/** The page check on this thread, on a read-only connection of its own (the vault's own tests; the core uses a worker). */
const checkPagesHere: PageCheck = async ({ database, dataKey }) => {
  const db = openEncryptedDatabase(database, dataKey, { readOnly: true })
  try {
    quickCheck(db)
  } finally {
    db.close()
  }
}

/**
 * Opens the database with a key the wrap has proven. Up to `fullCheckUpToBytes` every page is
 * checked at unlock (quick_check: each page's HMAC and the b-tree), in a worker on a read-only
 * connection (`checkPages`; a vault under `checkHereUpToBytes` on this thread) while no
 * connection of ours is open. A larger vault is checked
 * page by page as it is read (SQLCipher verifies the HMAC of every page it reads, and a failure
 * reaches the person as VAULT_CORRUPT) and in full by the daily verified backup, which reads
 * every page: a full check at each unlock would cost seconds at 200,000 entries.
 * Then `beforeOpen` (the core's schema update, in a worker) runs, again with no connection of
 * ours open; a lock() during either stops here with VAULT_LOCKED.
 */
async function openVerified(ctx: VaultContext, dataKey: Buffer, since: number): Promise<Database.Database> {
  const { database } = ctx.paths
  // A rotation stopped by a crash during its rekey leaves a hot journal, which a read-only
  // connection cannot play back (SQLITE_READONLY_ROLLBACK). Its pages are under the key the
  // current header holds, which the wrap has just proven: a connection with it rolls the rekey
  // back (a wrong key cannot decrypt them, and nothing is written then), once the file has the
  // journal's salt again (rekey-journal.ts says why it may not).
  if (hasHotJournal(database)) {
    if (restoreSaltForJournal(database)) ctx.options.logger.warn('vault.rekey_salt_restored')
    openEncryptedDatabase(database, dataKey).close()
  }
  // Proof and check first on read-only connections: a failed unlock changes no byte and
  // leaves no new file (docs/security.md). Only a database that passed opens for writing.
  const bytes = ctx.databaseBytes()
  const fullCheck = bytes <= (ctx.options.fullCheckUpToBytes ?? FULL_CHECK_UP_TO_BYTES)
  const checkPages = bytes <= (ctx.options.checkHereUpToBytes ?? CHECK_HERE_UP_TO_BYTES) ? checkPagesHere : (ctx.options.checkPages ?? checkPagesHere)
  const schemaVersion = await withUntouchedSidecars(database, async () => {
    const probe = openEncryptedDatabase(database, dataKey, { readOnly: true })
    let version: number
    try {
      version = probe.pragma('user_version', { simple: true }) as number
    } finally {
      probe.close()
    }
    if (fullCheck) await checkPages({ database, dataKey })
    return version
  })
  ctx.assertNotInterrupted(since)
  if (ctx.options.beforeOpen) {
    await ctx.options.beforeOpen({ database, dataKey, schemaVersion })
    ctx.assertNotInterrupted(since)
  }
  return openEncryptedDatabase(database, dataKey)
}

function runOnOpen(ctx: VaultContext, db: Database.Database, dataKey: Buffer): void {
  try {
    ctx.options.onOpen(db)
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
async function tryPendingHeader(ctx: VaultContext, secret: Secret, since: number): Promise<Unlocked | null> {
  let pending: VaultHeader
  try {
    pending = parseHeader(readFileSync(ctx.pendingPath, 'utf8'))
  } catch {
    return null
  }
  let dataKey: Buffer
  try {
    dataKey = await unwrap(pending, secret)
  } catch {
    return null
  }
  ctx.assertNotInterrupted(since, dataKey)
  let db: Database.Database
  try {
    db = await openVerified(ctx, dataKey, since)
  } catch {
    dataKey.fill(0)
    return null
  }
  try {
    renameSync(ctx.pendingPath, ctx.paths.header)
    fsyncDirectory(ctx.paths.dir)
  } catch (error) {
    db.close()
    dataKey.fill(0)
    throw ioError(error)
  }
  ctx.options.logger.warn('vault.rotation_completed_at_unlock')
  return { db, dataKey }
}

async function openWith(ctx: VaultContext, header: VaultHeader, secret: Secret, since: number): Promise<void> {
  const { logger } = ctx.options
  if (!existsSync(ctx.paths.database)) throw new CoreError('VAULT_CORRUPT', { cause: { code: 'DATABASE_MISSING' } })

  let dataKey = await unwrap(header, secret)
  ctx.assertNotInterrupted(since, dataKey)

  let db: Database.Database
  let resumedRotation = false
  try {
    db = await openVerified(ctx, dataKey, since)
  } catch (error) {
    dataKey.fill(0)
    if (!(error instanceof CoreError) || error.code !== 'VAULT_CORRUPT' || !existsSync(ctx.pendingPath)) {
      if (error instanceof CoreError && error.code === 'VAULT_CORRUPT') logger.error('vault.corrupt', { stage: 'open' })
      throw error
    }
    const resumed = await tryPendingHeader(ctx, secret, since)
    if (!resumed) {
      logger.error('vault.corrupt', { stage: 'open' })
      throw error
    }
    ;({ db, dataKey } = resumed)
    resumedRotation = true
  }
  if (ctx.epoch !== since) {
    db.close()
    dataKey.fill(0)
    throw new CoreError('VAULT_LOCKED')
  }
  runOnOpen(ctx, db, dataKey)
  ctx.state = { db, dataKey }
  if (!resumedRotation) {
    // The header's key opened the database: a pending header is from a rotation that never
    // reached its rekey. The right secret was given, so tidying the folder is fine.
    try {
      removeIfPresent(ctx.pendingPath)
    } catch (error) {
      logger.warn('vault.stale_pending_header', safeCause(error))
    }
  }
}

/** Opens the locked vault with `secret`, under the folder lock; on failure nothing is left open or held. */
export async function unlockWith(ctx: VaultContext, secret: Secret, since: number): Promise<void> {
  const { header } = ctx.loadHeader()
  await ctx.folderLock.whileOpening(() => openWith(ctx, header, secret, since))
}
