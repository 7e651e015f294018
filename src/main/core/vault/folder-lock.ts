/**
 * One process owns a vault. `between.lock` in the vault folder is held with an exclusive OS
 * lock (SQLite's POSIX advisory lock on Unix, LockFileEx on Windows, taken through an empty
 * SQLite file with `locking_mode=EXCLUSIVE` and an open `BEGIN EXCLUSIVE`; the journal in memory): the OS drops it when
 * the process dies, so a crash leaves no stale lock. SQLite also tracks its locks per file within
 * a process, so a second core in the same process is refused too. The file stays empty.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { join } from 'node:path'
import { CoreError } from '../errors'
import { ioError } from './failures'

export const LOCK_FILE = 'between.lock'

export interface FolderLock {
  release(): void
}

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED')
}

/** Takes the folder's lock (creating the empty lock file if needed); VAULT_IN_USE when another core holds it. */
export function acquireFolderLock(dir: string): FolderLock {
  let db: Database.Database
  try {
    db = new Database(join(dir, LOCK_FILE), { timeout: 0 })
  } catch (error) {
    throw ioError(error)
  }
  try {
    db.pragma('journal_mode=MEMORY')
    db.pragma('locking_mode=EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
  } catch (error) {
    db.close()
    if (isBusy(error)) throw new CoreError('VAULT_IN_USE')
    throw ioError(error)
  }
  let held = true
  return {
    release() {
      if (!held) return
      held = false
      try {
        db.exec('ROLLBACK')
      } finally {
        db.close()
      }
    },
  }
}
