/**
 * What the parts of the vault service share: its folder's paths, the open database and its data
 * key (the only copy, zeroed on lock), the folder lock, and the rules for operations that await
 * (one at a time; a lock() in between stops them with VAULT_LOCKED). vault.service.ts describes
 * the invariants.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CoreError } from '../errors'
import type { GrowingFile, JobRun } from '../jobs/job-runner'
import type { Clock, JobRequest, KdfCost, Logger } from '../ports'
import { writeFileAtomicSync } from './atomic-write'
import { ioError, isNotFound } from './failures'
import { createFolderLockHolder } from './folder-lock'
import { DATABASE_FILE, HEADER_FILE, parseHeader, PENDING_HEADER_FILE, serializeHeader, type VaultHeader } from './header'

export interface VaultServiceOptions {
  dataDir: string
  clock: Clock
  logger: Logger
  /** Tests pass a cheap cost; production omits it and calibrates at creation (floor 64 MiB, t=3). */
  kdfCost?: KdfCost
  /** Runs on every successful open (migrations). If it throws, close the db and rethrow. */
  onOpen: (db: Database.Database) => void
  /**
   * At unlock, after the key is proven on a read-only connection (closed again) and before the
   * vault's own connection opens: the core's schema update in a worker (db/migrate-job.ts). It
   * must not keep `dataKey` (copy it). A throw fails the unlock; nothing is left open.
   */
  beforeOpen?: (proven: { database: string; dataKey: Buffer; schemaVersion: number }) => Promise<void>
  /** Runs after lock() closed the db. */
  onLock?: () => void
  /** Full page check at unlock up to this many bytes of database and WAL (default FULL_CHECK_UP_TO_BYTES). */
  fullCheckUpToBytes?: number
  /**
   * Runs that check once the key is proven, with no connection of ours open: the core runs it in
   * a worker on a read-only connection (page-check-job.ts). Without it, it runs on this thread
   * (the vault's own tests). It must not keep `dataKey`; a throw fails the unlock.
   */
  checkPages?: PageCheck
  /** The check runs on this thread instead up to this many bytes (default CHECK_HERE_UP_TO_BYTES). */
  checkHereUpToBytes?: number
  /**
   * Runs just before a data-key rotation rekeys the database (a backup, in a worker); the vault
   * is still open. `cancelled`: the person stopped it, and the rotation ends cancelled.
   */
  onBeforeRotate?: () => Promise<'done' | 'cancelled'>
  /**
   * Copies the WAL into the database file on a connection of its own, off this thread (the
   * core: a worker). The rotation calls it before it checkpoints and closes its own connection,
   * which then has little left to copy and sync.
   */
  checkpointElsewhere?: () => Promise<unknown>
  /**
   * Runs a data-key rotation's file steps (rotate.ts) as a job: the core passes its job runner
   * (a worker thread, with progress). Without it they run on this thread (the vault's own tests).
   */
  rotate?: RotationJob
}

export type PageCheck = (proven: { database: string; dataKey: Buffer }) => Promise<void>

export type RotationJob = (request: JobRequest<'vault.rotate'>, growing: GrowingFile[]) => Promise<JobRun<void>>

export interface Unlocked {
  db: Database.Database
  dataKey: Buffer
}

export type VaultPaths = Readonly<{ dir: string; database: string; header: string }>

export interface VaultContext {
  readonly options: VaultServiceOptions
  readonly paths: VaultPaths
  /** The header a data-key rotation writes before its rekey (rotate.ts). */
  readonly pendingPath: string
  readonly folderLock: ReturnType<typeof createFolderLockHolder>
  /** The open vault, or null when locked. */
  state: Unlocked | null
  /** Bumped by every lock(): an awaiting operation compares it to know it was interrupted. */
  epoch: number
  /** A data-key rotation has closed the connection to re-encrypt the file: nothing may use it. */
  rotating: boolean
  /** Runs operations that await one at a time. */
  serialize<T>(fn: () => Promise<T>): Promise<T>
  requireUnlocked(): Unlocked
  /** VAULT_LOCKED (zeroing `buffers`) when lock() came since `since`. */
  assertNotInterrupted(since: number, ...buffers: Buffer[]): void
  /** The database's bytes on disk, WAL included. */
  databaseBytes(): number
  /** The current header; VAULT_NOT_FOUND when there is no vault, VAULT_CORRUPT when half of one. */
  loadHeader(): { header: VaultHeader; text: string }
  writeHeader(header: VaultHeader): void
}

const sizeOf = (path: string): number => {
  try {
    return statSync(path).size
  } catch {
    return 0
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

export function createVaultContext(options: VaultServiceOptions): VaultContext {
  const dir = options.dataDir
  const paths: VaultPaths = Object.freeze({ dir, database: join(dir, DATABASE_FILE), header: join(dir, HEADER_FILE) })
  let tail: Promise<void> = Promise.resolve()

  const ctx: VaultContext = {
    options,
    paths,
    pendingPath: join(dir, PENDING_HEADER_FILE),
    folderLock: createFolderLockHolder(dir),
    state: null,
    epoch: 0,
    rotating: false,
    serialize(fn) {
      const run = tail.then(fn, fn)
      tail = run.then(
        () => undefined,
        () => undefined,
      )
      return run
    },
    requireUnlocked() {
      if (!ctx.state) throw new CoreError('VAULT_LOCKED')
      if (ctx.rotating) throw new CoreError('VAULT_IN_USE', { cause: { code: 'KEY_ROTATION' } })
      return ctx.state
    },
    assertNotInterrupted(since, ...buffers) {
      if (ctx.epoch !== since) {
        for (const buffer of buffers) buffer.fill(0)
        throw new CoreError('VAULT_LOCKED')
      }
    },
    databaseBytes: () => sizeOf(paths.database) + sizeOf(`${paths.database}-wal`),
    loadHeader() {
      let text: string
      try {
        text = readText(paths.header)
      } catch (error) {
        if (error instanceof CoreError) throw error
        throw existsSync(paths.database) ? new CoreError('VAULT_CORRUPT', { cause: { code: 'HEADER_MISSING' } }) : new CoreError('VAULT_NOT_FOUND')
      }
      return { header: parseHeader(text), text }
    },
    writeHeader(header) {
      try {
        writeFileAtomicSync(paths.header, serializeHeader(header))
      } catch (error) {
        throw ioError(error)
      }
    },
  }
  return ctx
}
