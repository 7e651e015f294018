/**
 * The backup itself, as a job task (it runs in a worker thread on its own connection, or inline
 * on the opening connection before a schema update).
 *
 * The vault's encrypted pages are copied as they are, not rebuilt: inside a read transaction on
 * this connection, the database file and its WAL are copied byte for byte into a private working
 * folder (pagesCopy below says why that is one consistent moment). The copy is ATTACHed to this
 * connection (SQLite3 Multiple Ciphers opens it with the connection's key, so the key never
 * leaves native memory), which folds the copied WAL into it and turns it into one self-contained
 * file in rollback-journal mode; the key is proven there, the schema read, the file's size
 * checked against its page count and its entity counts compared with the vault's when nothing
 * was committed meanwhile. Then it is wrapped in the container (backup-container.ts) atomically,
 * hashed as it is written, and the written file is read back and compared with the copy byte for
 * byte. Only then is the backup reported
 * as made. The person's saves on the main connection go on while it runs: they land in the WAL,
 * and are in the next backup. Every byte on disk is ciphertext throughout.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { copyFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CoreError } from '../errors'
import type { JobContext, JobTask } from '../jobs/job-context'
import { ioError, isNotFound, safeCause } from '../vault/failures'
import { DATABASE_FILE } from '../vault/header'
import { BACKUP_CONTAINER_VERSION, BACKUP_FORMAT, comparePayload, readContainerInfo, writeContainer, type BackupReason } from './backup-container'
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
    const pages = (db.pragma('bk.page_count', { simple: true }) as number) * (db.pragma('bk.page_size', { simple: true }) as number)
    if (pages !== statSync(copy).size) throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_SIZE' } })
    const counts = countEntities(db, 'bk')
    if (snapshot.unchanged && Object.entries(snapshot.counts).some(([table, count]) => counts[table] !== count)) {
      throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_COUNTS' } })
    }
    return { counts, schemaVersion: schemaVersionOf(db, 'bk') }
  })
}

export const writeBackupCopy: JobTask<BackupCopyInput, BackupCopyOutput> = (job, input) => {
  const copy = join(input.workDir, DATABASE_FILE)
  try {
    return copyCheckAndWrap(job, input, copy)
  } finally {
    // Here, not on the main thread: unlinking a large file takes a while.
    for (const path of [copy, `${copy}-wal`, `${copy}-shm`, `${copy}-journal`]) rmSync(path, { force: true })
  }
}

function copyCheckAndWrap(job: JobContext, input: BackupCopyInput, copy: string): BackupCopyOutput {
  const db = job.db()
  job.progress('copying', 0, input.sourceBytes)
  const snapshot = pagesCopy(db, copy)
  job.progress('checking', 0, 1)
  const copied = foldAndProve(db, copy, snapshot)
  const bytes = statSync(copy).size
  const metadata = { format: BACKUP_FORMAT, version: BACKUP_CONTAINER_VERSION, createdAt: input.createdAt, reason: input.reason, schemaVersion: copied.schemaVersion, database: { bytes }, vaultHeader: input.vaultHeader } as const
  const written = writeContainer(input.target, metadata, copy, (done) => job.progress('writing', done, bytes))
  // Read back what reached the disk.
  try {
    const info = readContainerInfo(input.target)
    if (info.metadata.database.sha256 !== written.database.sha256) throw new CoreError('BACKUP_INVALID', { cause: { code: 'READBACK' } })
    comparePayload(input.target, info, copy, (done) => job.progress('verifying', done, bytes))
    return { sizeBytes: info.fileBytes, counts: entityCounts(copied.counts) }
  } catch (error) {
    rmSync(input.target, { force: true })
    throw error
  }
}
