/**
 * The backup itself, as a job task (it runs in a worker thread on its own connection).
 *
 * The vault's encrypted pages are written as they are, not rebuilt, and nothing is decrypted or
 * re-encrypted. Usually there is no working copy at all: the WAL is emptied into the database
 * file from this connection, and under a read transaction whose snapshot is that file alone
 * (wrapDatabaseFile says why nothing writes it meanwhile) the file is streamed straight into the
 * container, hashed as it is written: one read and one write, like `cp`. When the WAL will not
 * empty (a long read or write holds on), the database file and its WAL are copied into a private
 * working folder inside a read transaction (pagesCopy says why that is one consistent moment),
 * the copy is ATTACHed to this connection (SQLite3 Multiple Ciphers opens it with the
 * connection's key, so the key never leaves native memory), which folds the copied WAL into it
 * and makes it one self-contained file in rollback-journal mode, and that copy is wrapped.
 * Either way the key is proven and the schema read on the very snapshot written, the size
 * checked against its page count, and the written container is read back once: its metadata must
 * be the one written and its database bytes must hash to the checksum computed while writing.
 * Only then is the backup reported as made. The person's saves on the main connection go on
 * while it runs: they land in the WAL, and are in the next backup. Every byte on disk is
 * ciphertext throughout.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { copyFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CoreError } from '../errors'
import type { JobContext, JobTask } from '../jobs/job-context'
import { ioError, isNotFound, safeCause } from '../vault/failures'
import { DATABASE_FILE } from '../vault/header'
import { BACKUP_CONTAINER_VERSION, BACKUP_FORMAT, verifyWritten, writeContainer, type BackupMetadata, type BackupReason, type UnhashedMetadata } from './backup-container'
import { dataVersion, ENTITY_TABLES, entityCounts, schemaVersionOf, type EntityCounts } from './backup.repo'

export interface BackupCopyInput {
  /** A private, empty working folder (under the vault folder); the caller removes it (the copy in it goes at the end of the task). */
  workDir: string
  target: string
  reason: BackupReason
  createdAt: number
  /** The vault's header, as an object: it goes into the container verbatim. */
  vaultHeader: Record<string, unknown>
  /** The vault's size on disk, for the progress of the copy. */
  sourceBytes: number
}

export interface BackupCopyOutput {
  sizeBytes: number
  counts: EntityCounts
}

/** ATTACH a copy to a keyed connection (it opens with that connection's key), run fn, DETACH. */
export function withAttached<T>(db: Database.Database, path: string, fn: () => T): T {
  try {
    db.prepare('ATTACH DATABASE ? AS bk').run(path)
  } catch (error) {
    throw new CoreError('BACKUP_INVALID', { cause: safeCause(error) })
  }
  try {
    return fn()
  } catch (error) {
    if (error instanceof CoreError) throw error
    throw new CoreError('BACKUP_INVALID', { cause: safeCause(error) })
  } finally {
    db.exec('DETACH DATABASE bk')
  }
}

/** Row counts of the tables a backup reports (each a count over the table's smallest b-tree). */
function countEntities(db: Database.Database, schema: 'main' | 'bk'): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const table of Object.values(ENTITY_TABLES)) counts[table] = db.prepare(`SELECT count(*) FROM ${schema}.${table}`).pluck().get() as number
  return counts
}

/** The database's size as SQLite sees it: page count times page size. */
const pageBytes = (db: Database.Database, schema: 'main' | 'bk'): number =>
  (db.pragma(`${schema}.page_count`, { simple: true }) as number) * (db.pragma(`${schema}.page_size`, { simple: true }) as number)

const copyIfPresent = (from: string, to: string): void => {
  try {
    copyFileSync(from, to)
  } catch (error) {
    if (!isNotFound(error)) throw error
  }
}

/**
 * A save can have its frames in the WAL before readers can see it (its fsync is still running):
 * taking the write lock for an instant waits for it, so data_version shows it afterwards. False
 * when a long write (an import) holds the lock past the busy timeout: then nobody can say.
 */
function writerSettled(db: Database.Database): boolean {
  try {
    db.exec('BEGIN IMMEDIATE')
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return false
    throw error
  }
  db.exec('COMMIT')
  return true
}

/**
 * Copies the database file and its WAL while this connection holds a read transaction. A read
 * transaction pins its snapshot: no checkpoint writes WAL frames into the database file beyond
 * what this reader sees, and the WAL is not restarted while the reader uses frames of it; when
 * the snapshot needs no WAL frame, no checkpoint writes the file at all. So the file copied plus
 * the WAL copied after it hold this snapshot (pages a checkpoint rewrote meanwhile are in the
 * WAL too, and replay over them), and WAL recovery on the copy stops at the last whole commit
 * (frames being appended by the person's saves are either whole and committed, or ignored).
 * Returns the counts of the snapshot and whether anything was committed while the copy was made
 * (then the copy may hold more than the snapshot, and the counts cannot be compared).
 */
function pagesCopy(db: Database.Database, copy: string): { counts: Record<string, number>; unchanged: boolean } {
  const source = db.name
  const version = dataVersion(db)
  db.exec('BEGIN')
  try {
    const counts = countEntities(db, 'main') // also starts the read transaction
    copyFileSync(source, copy)
    copyIfPresent(`${source}-wal`, `${copy}-wal`)
    db.exec('COMMIT')
    return { counts, unchanged: writerSettled(db) && dataVersion(db) === version }
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw ioError(error)
  }
}

/** Folds the copied WAL into the attached copy and leaves it one file in rollback-journal mode. */
function foldAndProve(db: Database.Database, copy: string, snapshot: { counts: Record<string, number>; unchanged: boolean }): { counts: Record<string, number>; schemaVersion: number } {
  return withAttached(db, copy, () => {
    const [checkpoint] = db.pragma('bk.wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
    if (checkpoint?.busy !== 0) throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_WAL' } })
    if (String(db.pragma('bk.journal_mode=DELETE', { simple: true })).toLowerCase() !== 'delete') throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_WAL' } })
    if (pageBytes(db, 'bk') !== statSync(copy).size) throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_SIZE' } })
    const counts = countEntities(db, 'bk')
    if (snapshot.unchanged && Object.entries(snapshot.counts).some(([table, count]) => counts[table] !== count)) {
      throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_COUNTS' } })
    }
    return { counts, schemaVersion: schemaVersionOf(db, 'bk') }
  })
}

/** Tries to empty the WAL this many times before copying it (a save can land between the checkpoint and the snapshot). */
const EMPTY_WAL_ATTEMPTS = 3
/** How long the checkpoint may wait for a reader or a save in flight; the person's saves never wait on it longer. */
const CHECKPOINT_WAIT_MS = 250

/**
 * Folds the WAL into the database file and empties it (wal_checkpoint(TRUNCATE)), waiting at
 * most CHECKPOINT_WAIT_MS for readers and writers. False when it could not (a reader or a long
 * write held on).
 */
function emptyWal(db: Database.Database): boolean {
  const wait = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma(`busy_timeout = ${CHECKPOINT_WAIT_MS}`)
  try {
    const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
    return checkpoint?.busy === 0
  } finally {
    db.pragma(`busy_timeout = ${wait}`)
  }
}

const walBytes = (database: string): number => {
  try {
    return statSync(`${database}-wal`).size
  } catch (error) {
    if (isNotFound(error)) return 0
    throw ioError(error)
  }
}

interface Wrapped {
  metadata: BackupMetadata
  counts: Record<string, number>
}

type Unhashed = (schemaVersion: number, bytes: number) => UnhashedMetadata

/**
 * The usual way, with no working copy: the WAL is emptied from this connection, then a read
 * transaction starts, and when the WAL is still empty inside it (nothing was saved in between)
 * its snapshot is the database file alone. While a reader's snapshot needs no WAL frame, SQLite
 * writes nothing into the database file: a checkpoint must lock out such readers before it
 * copies a page back (WAL_READ_LOCK(0)), and the person's saves only append to the WAL. So the
 * file is streamed straight into the container (writeContainer also checks that its size and
 * change times did not move while it was read), after the key is proven, the schema and counts
 * read and the size checked against the page count on that same snapshot. Null when the WAL
 * could not be emptied: the caller copies it instead.
 */
function wrapDatabaseFile(job: JobContext, input: BackupCopyInput, unhashed: Unhashed): Wrapped | null {
  const db = job.db()
  for (let attempt = 0; attempt < EMPTY_WAL_ATTEMPTS; attempt++) {
    if (!emptyWal(db)) continue
    db.exec('BEGIN')
    try {
      const counts = countEntities(db, 'main') // also starts the read transaction: the snapshot is fixed from here
      // No frame in the WAL now means none when the snapshot was taken: the WAL cannot be emptied while a reader uses it.
      if (walBytes(db.name) !== 0) continue
      const bytes = pageBytes(db, 'main')
      if (bytes !== statSync(db.name).size) throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_SIZE' } })
      const metadata = writeContainer(input.target, unhashed(schemaVersionOf(db, 'main'), bytes), db.name, (done) => job.progress('writing', done, bytes))
      return { metadata, counts }
    } catch (error) {
      throw ioError(error)
    } finally {
      if (db.inTransaction) db.exec('COMMIT')
    }
  }
  return null
}

/**
 * When the WAL would not empty (a long read or write held on): the database file and its WAL
 * are copied into the working folder and folded there (pagesCopy, foldAndProve), and the copy
 * is wrapped.
 */
function wrapWorkingCopy(job: JobContext, input: BackupCopyInput, unhashed: Unhashed): Wrapped {
  const copy = join(input.workDir, DATABASE_FILE)
  try {
    job.progress('copying', 0, input.sourceBytes)
    const snapshot = pagesCopy(job.db(), copy)
    job.progress('checking', 0, 1)
    const copied = foldAndProve(job.db(), copy, snapshot)
    const bytes = statSync(copy).size
    const metadata = writeContainer(input.target, unhashed(copied.schemaVersion, bytes), copy, (done) => job.progress('writing', done, bytes))
    return { metadata, counts: copied.counts }
  } finally {
    // Here, not on the main thread: unlinking a large file takes a while.
    for (const path of [copy, `${copy}-wal`, `${copy}-shm`, `${copy}-journal`]) rmSync(path, { force: true })
  }
}

export const writeBackupCopy: JobTask<BackupCopyInput, BackupCopyOutput> = (job, input) => {
  const unhashed: Unhashed = (schemaVersion, bytes) => ({ format: BACKUP_FORMAT, version: BACKUP_CONTAINER_VERSION, createdAt: input.createdAt, reason: input.reason, schemaVersion, database: { bytes }, vaultHeader: input.vaultHeader })
  job.progress('checking', 0, 1)
  const wrapped = wrapDatabaseFile(job, input, unhashed) ?? wrapWorkingCopy(job, input, unhashed)
  // Read back what reached the disk, once.
  try {
    const info = verifyWritten(input.target, wrapped.metadata, (done) => job.progress('verifying', done, wrapped.metadata.database.bytes))
    return { sizeBytes: info.fileBytes, counts: entityCounts(wrapped.counts) }
  } catch (error) {
    rmSync(input.target, { force: true })
    throw error
  }
}
