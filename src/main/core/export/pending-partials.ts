/**
 * The working files exports write beside the path the person chose, remembered in the vault
 * (pending_exports) before each is created and forgotten once it is renamed into place or
 * removed. After a crash the rows name exactly the files to remove at the next unlock: only files
 * Between itself created, by their full path, never by a pattern.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { rmSync } from 'node:fs'
import type { Logger } from '../ports'
import type { ServiceContext } from '../records/entity.service'
import { safeCause } from '../vault/failures'
import { partialPath } from './write-export'

export interface PendingPartials {
  /**
   * Runs `work` with a new working file path beside `path`, remembered (committed) before `work`
   * can create it; afterwards the file is removed if it is still there and the path forgotten.
   */
  around<T>(path: string, work: (partial: string) => Promise<T>): Promise<T>
}

const forget = (db: Database.Database, path: string): void => void db.prepare('DELETE FROM pending_exports WHERE path = ?').run(path)

export function createPendingPartials(ctx: Pick<ServiceContext, 'db' | 'clock'>, logger: Logger): PendingPartials {
  return {
    async around(path, work) {
      const partial = partialPath(path)
      ctx.db().prepare('INSERT INTO pending_exports (path, started_at) VALUES (?, ?)').run(partial, ctx.clock.now())
      try {
        return await work(partial)
      } finally {
        rmSync(partial, { force: true })
        try {
          forget(ctx.db(), partial)
        } catch (error) {
          // Locked meanwhile: the row stays, and the next unlock finds nothing left to remove.
          logger.warn('export.partial_not_forgotten', safeCause(error))
        }
      }
    },
  }
}

/** At unlock: removes the working files of exports a crash stopped, and forgets them. */
export function removeStrandedPartials(db: Database.Database, logger: Logger): void {
  for (const path of db.prepare('SELECT path FROM pending_exports').pluck().all() as string[]) {
    try {
      rmSync(path, { force: true })
      forget(db, path)
    } catch (error) {
      logger.warn('export.leftover_not_removed', safeCause(error))
    }
  }
}
