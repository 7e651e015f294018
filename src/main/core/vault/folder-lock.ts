/**
 * One process owns a vault. `between.lock` in the vault folder is held with an exclusive OS
 * lock (SQLite's POSIX advisory lock on Unix, LockFileEx on Windows, taken through an empty
 * SQLite file with `locking_mode=EXCLUSIVE` and an open `BEGIN EXCLUSIVE`; the journal in memory): the OS drops it when
 * the process dies, so a crash leaves no stale lock. SQLite also tracks its locks per file within
 * a process, so a second core in the same process is refused too. The file stays empty.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CoreError } from '../errors'
import { removeIfPresent } from './atomic-write'
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

/** The lock a vault service holds from a successful create or unlock until lock(). */
export function createFolderLockHolder(dir: string) {
  const path = join(dir, LOCK_FILE)
  let held: FolderLock | null = null
  const take = (): void => {
    held ??= acquireFolderLock(dir)
  }
  const release = (): void => {
    held?.release()
    held = null
  }
  return {
    path,
    take,
    release,
    /**
     * Runs an unlock under the lock; on failure releases it, and removes the lock file if this
     * attempt created it (a vault from before the lock file gets no new file from a failed unlock).
     */
    async whileOpening(open: () => Promise<void>): Promise<void> {
      const existed = existsSync(path)
      take()
      try {
        await open()
      } catch (error) {
        release()
        if (!existed) removeIfPresent(path)
        throw error
      }
    },
  }
}
