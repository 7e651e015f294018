/**
 * The backup itself, as a job task (it runs in a worker thread on its own connection, or inline
 * on the opening connection before a schema update).
 *
 * `VACUUM INTO` a private working folder (the copy is encrypted with the vault's key and cipher
 * settings; the online backup API cannot be used, see docs/toolchain-notes.md). VACUUM INTO reads
 * one snapshot, so the person's saves on the main connection go on while it runs and are in the
 * next backup. The copy is ATTACHed to this connection (opened with the same key), checked with
 * quick_check and foreign_key_check, and its row counts compared with the vault's when
 * nothing was committed meanwhile (see sameTables). Then it is
 * wrapped in the container (backup-container.ts) atomically and the written file is read back and
 * its checksum compared. Only then is the backup reported as made.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { schemaVersion } from '../db/migrate'
import { CoreError } from '../errors'
import type { JobContext, JobTask } from '../jobs/job-context'
import { ioError, safeCause } from '../vault/failures'
import { DATABASE_FILE } from '../vault/header'
import { BACKUP_CONTAINER_VERSION, BACKUP_FORMAT, checkPayload, hashFile, readContainerInfo, writeContainer, type BackupReason } from './backup-container'
import { checkSchema, dataVersion, entityCounts, tableCounts, type EntityCounts } from './backup.repo'

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

/**
 * The copy has every table of the vault, with the same row counts when nothing was committed
 * while it was made. When the person saved meanwhile, counts cannot be compared (the copy is of
 * one moment between the two countings, and the search index's own tables shrink as it merges):
 * the copy's quick_check and foreign_key_check, and the checksum of the file written, stand.
 */
function sameTables(copy: Record<string, number>, vault: Record<string, number>, exact: boolean): boolean {
  const names = Object.keys(vault)
  if (Object.keys(copy).length !== names.length) return false
  return names.every((name) => copy[name] !== undefined && (!exact || copy[name] === vault[name]))
}

export const writeBackupCopy: JobTask<BackupCopyInput, BackupCopyOutput> = (job, input) => {
  const copy = join(input.workDir, DATABASE_FILE)
  try {
    return copyCheckAndWrap(job, input, copy)
  } finally {
    rmSync(copy, { force: true }) // here, not on the main thread: unlinking a large file takes a while
  }
}

function copyCheckAndWrap(job: JobContext, input: BackupCopyInput, copy: string): BackupCopyOutput {
  const db = job.db()
  job.progress('copying', 0, input.sourceBytes)
  let counts: Record<string, number>
  let unchanged: boolean
  try {
    const version = dataVersion(db)
    counts = tableCounts(db)
    db.prepare('VACUUM INTO ?').run(copy)
    unchanged = dataVersion(db) === version
  } catch (error) {
    throw ioError(error)
  }
  job.progress('checking', 0, 1)
  const copied = withAttached(db, copy, () => {
    if (!checkSchema(db, 'bk', 'quick')) throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_INTEGRITY' } })
    const copyCounts = tableCounts(db, 'bk')
    if (!sameTables(copyCounts, counts, unchanged)) throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_COUNTS' } })
    return copyCounts
  })
  const { sha256, bytes } = hashFile(copy)
  const metadata = {
    format: BACKUP_FORMAT,
    version: BACKUP_CONTAINER_VERSION,
    createdAt: input.createdAt,
    reason: input.reason,
    schemaVersion: schemaVersion(db),
    database: { bytes, sha256 },
    vaultHeader: input.vaultHeader,
  } as const
  writeContainer(input.target, metadata, copy, (done) => job.progress('writing', done, bytes))
  // Read back what reached the disk.
  try {
    const info = readContainerInfo(input.target)
    if (info.metadata.database.sha256 !== sha256) throw new CoreError('BACKUP_INVALID', { cause: { code: 'READBACK' } })
    checkPayload(input.target, info, undefined, (done) => job.progress('verifying', done, bytes))
    return { sizeBytes: info.fileBytes, counts: entityCounts(copied) }
  } catch (error) {
    rmSync(input.target, { force: true })
    throw error
  }
}
