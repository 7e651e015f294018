/**
 * Which backup files are intact (complete, and their database bytes match the checksum in their
 * metadata), as a job task: it reads every byte of each file, hundreds of MB apiece at 200,000
 * entries, so it runs in a worker. No key is needed.
 */
import type { JobTask } from '../jobs/job-context'
import { checkPayload, readContainerInfo, type BackupReason } from './backup-container'

export interface CheckedFile {
  intact: boolean
  /** From the metadata, when intact. */
  createdAt: number | null
  reason: BackupReason | null
  vaultId: string | null
}

const damaged: CheckedFile = { intact: false, createdAt: null, reason: null, vaultId: null }

export const checkBackupFiles: JobTask<{ paths: string[] }, CheckedFile[]> = (job, { paths }) =>
  paths.map((path, index) => {
    job.progress('verifying', index, paths.length)
    try {
      const info = readContainerInfo(path)
      checkPayload(path, info)
      const vaultId = (info.metadata.vaultHeader as { vaultId?: unknown }).vaultId
      return { intact: true, createdAt: info.metadata.createdAt, reason: info.metadata.reason, vaultId: typeof vaultId === 'string' ? vaultId : null }
    } catch {
      return damaged
    }
  })
