/**
 * Re-encrypting the database under a new data key. This side prepares the new header, closes
 * the vault's connection, runs the file steps (rotate.ts) as a job in a worker thread, and opens
 * the connection again under whichever key the file is under when the job ends (done, failed or
 * cancelled): nothing else uses the vault meanwhile (VAULT_IN_USE).
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { existsSync, renameSync } from 'node:fs'
import { CoreError } from '../errors'
import type { JobContext } from '../jobs/job-context'
import { transferableKey } from '../jobs/job-protocol'
import type { JobRun } from '../jobs/job-runner'
import type { Logger } from '../ports'
import { fsyncDirectory, removeIfPresent } from './atomic-write'
import { corrupt, ioError, safeCause } from './failures'
import { fixedPart, serializeHeader, type HeaderFixed, type VaultHeader } from './header'
import { derivePassphraseKey } from './kdf'
import { openEncryptedDatabase } from './open-database'
import { rotateVaultKey, rotationFiles, rotationKeys, type RotationInput } from './rotate'
import type { RotationJob, Unlocked, VaultContext } from './vault-context'
import { costOf, identityOf, kdfParams, randomSalt, sameKey, unwrap } from './vault-secrets'
import { generateDataKey, sealPassphraseSlot, sealRecoverySlot } from './wrap'

export type RotationResult = { status: 'rotated' } | { status: 'cancelled' }

const noDatabase = (): never => {
  throw new CoreError('INTERNAL', { cause: { code: 'JOB_WITHOUT_DATABASE' } })
}

/** Without a job runner (the vault's own tests): the same task on this thread. */
const rotateHere =
  (logger: Logger): RotationJob =>
  async (request) => {
    const key = Buffer.from(request.key ?? new ArrayBuffer(0))
    const job: JobContext = { db: noDatabase, key: () => key, progress: () => undefined, logger }
    try {
      rotateVaultKey(job, request.input)
      return { status: 'done', output: undefined }
    } finally {
      key.fill(0)
    }
  }

/** The next header: the new key wrapped under the same passphrase (a fresh salt) and recovery key. */
async function nextHeader(header: VaultHeader, passphrase: string, newKey: Buffer): Promise<string> {
  const salt = randomSalt()
  const kek = await derivePassphraseKey(passphrase, salt, costOf(header))
  try {
    const fixed: HeaderFixed = { ...fixedPart(header), keyGeneration: header.keyGeneration + 1 }
    const identity = identityOf(header)
    const next: VaultHeader = {
      ...fixed,
      passphrase: sealPassphraseSlot(fixed, kdfParams(costOf(header), salt), identity, kek, newKey),
      recovery: sealRecoverySlot(fixed, identity, newKey),
    }
    return serializeHeader(next)
  } finally {
    kek.fill(0)
  }
}

const tryOpen = (path: string, key: Buffer): Database.Database | null => {
  try {
    return openEncryptedDatabase(path, key)
  } catch (error) {
    if (error instanceof CoreError && error.code === 'VAULT_CORRUPT') return null
    throw error
  }
}

/** Promotes the pending header a job left (it stopped after the rekey); an IO_ERROR if it still cannot. */
function promotePending(ctx: VaultContext): CoreError | null {
  if (!existsSync(ctx.pendingPath)) return null
  try {
    renameSync(ctx.pendingPath, ctx.paths.header)
    fsyncDirectory(ctx.paths.dir)
  } catch (error) {
    return ioError(error) // the pending header waits for the next unlock (vault-open.ts)
  }
  ctx.options.logger.warn('vault.rotation_completed_at_reopen')
  return null
}

/**
 * The connection again, after the job: under the new key if the file was re-encrypted (and its
 * header promoted here when the job stopped before that), else under the old one (a pending
 * header left by the job removed). VAULT_CORRUPT when neither key opens it.
 */
function reopen(ctx: VaultContext, unlocked: Unlocked, newKey: Buffer): { rekeyed: boolean; failure: CoreError | null } {
  const rotated = tryOpen(ctx.paths.database, newKey)
  if (rotated) {
    unlocked.db = rotated
    unlocked.dataKey.fill(0)
    unlocked.dataKey = newKey
    return { rekeyed: true, failure: promotePending(ctx) }
  }
  const previous = tryOpen(ctx.paths.database, unlocked.dataKey)
  if (!previous) throw corrupt()
  unlocked.db = previous
  try {
    removeIfPresent(ctx.pendingPath)
  } catch (error) {
    ctx.options.logger.warn('vault.stale_pending_header', safeCause(error))
  }
  return { rekeyed: false, failure: null }
}

/** Closes the connection, runs the job, opens it again; the job's failure is thrown after. */
async function rotateFile(ctx: VaultContext, unlocked: Unlocked, input: RotationInput, oldKey: Buffer, newKey: Buffer, since: number): Promise<RotationResult> {
  // The WAL's pages go into the file elsewhere first: copied and synced here, they held the main
  // thread for about 100 ms at 10,000 entries. Only what was written since is left for the
  // TRUNCATE below, which has to run on this connection, the one that closes.
  await ctx.options.checkpointElsewhere?.().catch((error: unknown) => ctx.options.logger.warn('vault.checkpoint_elsewhere_failed', safeCause(error)))
  ctx.assertNotInterrupted(since)
  unlocked.db.pragma('wal_checkpoint(TRUNCATE)')
  unlocked.db.close()
  ctx.rotating = true
  const run = ctx.options.rotate ?? rotateHere(ctx.options.logger)
  let outcome: JobRun<void> | { status: 'failed'; error: unknown }
  try {
    outcome = await run({ name: 'vault.rotate', input, key: transferableKey(rotationKeys(oldKey, newKey)) }, rotationFiles(input.dir, ctx.databaseBytes()))
  } catch (error) {
    outcome = { status: 'failed', error }
  } finally {
    ctx.rotating = false
  }
  if (ctx.epoch !== since) throw new CoreError('VAULT_LOCKED') // lock() came meanwhile: the next unlock settles the files
  let reopened: ReturnType<typeof reopen>
  try {
    reopened = reopen(ctx, unlocked, newKey)
  } catch (error) {
    ctx.state = null
    ctx.folderLock.release()
    throw error
  }
  if (reopened.failure) throw reopened.failure
  if (reopened.rekeyed) return { status: 'rotated' }
  if (outcome.status === 'failed') throw outcome.error
  return { status: 'cancelled' }
}

/** Requires the vault unlocked and its passphrase. */
export async function rotateDataKey(ctx: VaultContext, passphrase: string): Promise<RotationResult> {
  const since = ctx.epoch
  return ctx.serialize(async () => {
    ctx.assertNotInterrupted(since)
    const unlocked = ctx.requireUnlocked()
    const { header, text } = ctx.loadHeader()
    const oldKey = await unwrap(header, { kind: 'passphrase', passphrase })
    const newKey = generateDataKey()
    try {
      ctx.assertNotInterrupted(since)
      if (!sameKey(oldKey, unlocked.dataKey)) throw corrupt()
      const nextHeaderText = await nextHeader(header, passphrase, newKey)
      ctx.assertNotInterrupted(since)
      if ((await ctx.options.onBeforeRotate?.()) === 'cancelled') return { status: 'cancelled' }
      ctx.assertNotInterrupted(since)
      return await rotateFile(ctx, unlocked, { dir: ctx.paths.dir, currentHeaderText: text, nextHeaderText }, oldKey, newKey, since)
    } finally {
      oldKey.fill(0)
      if (unlocked.dataKey !== newKey) newKey.fill(0)
    }
  })
}
