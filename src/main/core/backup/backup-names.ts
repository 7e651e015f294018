/** Backup file names: when and why each was made, readable without opening it. */
import { readdirSync } from 'node:fs'
import { ioError } from '../vault/failures'
import { BACKUP_EXTENSION, type BackupReason } from './backup-container'

/** between-2026-03-03-091500Z-daily.betweenbackup (UTC), optionally "-2" before the extension. */
export const BACKUP_NAME = /^between-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})Z-(manual|daily|before-update|before-key-change)(?:-\d{1,3})?\.betweenbackup$/

export const stampOf = (ms: number): string => {
  const iso = new Date(ms).toISOString() // 2026-03-03T09:15:00.000Z
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
}

export const backupFileName = (ms: number, reason: BackupReason, n = 1): string =>
  `between-${stampOf(ms)}-${reason}${n > 1 ? `-${n}` : ''}${BACKUP_EXTENSION}`

export interface BackupEntry {
  name: string
  createdAt: number
  reason: BackupReason
}

/** The backups in a folder by name, newest first. IO_ERROR when the folder cannot be read. */
export function listFolder(folder: string): BackupEntry[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch (error) {
    throw ioError(error)
  }
  return names
    .map((name) => {
      const m = BACKUP_NAME.exec(name)
      if (!m) return null
      const [, y, mo, d, h, mi, s, reason] = m as unknown as [string, string, string, string, string, string, string, BackupReason]
      return { name, createdAt: Date.UTC(+y, +mo - 1, +d, +h, +mi, +s), reason }
    })
    .filter((entry): entry is BackupEntry => entry !== null)
    .sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1))
}
