/**
 * "Test a backup" and the check before a restore, as a job task (in a worker thread): extract
 * the database from the container into a private working folder while checking its sha256, open
 * it with the key the caller unwrapped, check every page, count links to records that no longer exist, and describe it.
 * For a restore, a second fresh extract goes to the staging folder.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { latestVersion } from '../db/migrate'
import { CoreError } from '../errors'
import type { JobTask } from '../jobs/job-context'
import { safeCause } from '../vault/failures'
import { DATABASE_FILE } from '../vault/header'
import { openEncryptedDatabase } from '../vault/open-database'
import { checkPayload, readContainerInfo, type ContainerInfo } from './backup-container'
import { checkSchema, danglingReferences, dateRange, entityCounts, schemaVersionOf, tableCounts } from './backup.repo'
import type { BackupReport } from './backup.service'

export interface BackupInspectInput {
  path: string
  /** A private, empty working folder; the caller removes it (the copy in it goes at the end of the task). */
  workDir: string
  /** Restore: also extract the database here (a new file). */
  extractTo?: string
}

export type InspectedBackup = Omit<BackupReport, 'sameVault'>

function describe(db: Database.Database, path: string, info: ContainerInfo): InspectedBackup {
  if (!checkSchema(db)) throw new CoreError('BACKUP_INVALID', { cause: { code: 'INTEGRITY' } })
  const version = schemaVersionOf(db)
  const range = dateRange(db)
  return {
    name: basename(path),
    createdAt: info.metadata.createdAt,
    reason: info.metadata.reason,
    sizeBytes: info.fileBytes,
    schemaVersion: version,
    fromNewerVersion: version > latestVersion(),
    counts: entityCounts(tableCounts(db)),
    firstAt: range.first,
    lastAt: range.last,
    danglingReferences: danglingReferences(db),
  }
}

function openCopy(copy: string, key: Buffer): Database.Database {
  try {
    return openEncryptedDatabase(copy, key)
  } catch (error) {
    if (error instanceof CoreError && error.code === 'VAULT_CORRUPT') throw new CoreError('BACKUP_INVALID', { cause: { code: 'DATABASE' } })
    throw error
  } finally {
    key.fill(0)
  }
}

export const inspectBackupCopy: JobTask<BackupInspectInput, InspectedBackup> = (job, input) => {
  const info = readContainerInfo(input.path)
  const total = info.metadata.database.bytes
  const copy = join(input.workDir, DATABASE_FILE)
  let report: InspectedBackup
  try {
    checkPayload(input.path, info, copy, (done) => job.progress('reading', done, total))
    job.progress('checking', 0, 1)
    const db = openCopy(copy, job.key())
    try {
      report = describe(db, input.path, info)
    } catch (error) {
      if (error instanceof CoreError) throw error
      throw new CoreError('BACKUP_INVALID', { cause: safeCause(error) })
    } finally {
      db.close()
    }
  } finally {
    rmSync(copy, { force: true }) // here, not on the main thread: unlinking a large file takes a while
  }
  if (input.extractTo !== undefined && !report.fromNewerVersion) {
    checkPayload(input.path, info, input.extractTo, (done) => job.progress('copying', done, total))
  }
  return report
}
