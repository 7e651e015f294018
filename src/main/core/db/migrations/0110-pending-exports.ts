import type { Migration } from './index'

/**
 * 0110: the working files exports are writing (`.<name>.<hex>.partial` beside the path the person
 * chose), remembered before each is created and forgotten once it is renamed or removed. A row
 * left after a crash names exactly the file to remove at the next unlock. Inside the vault: a
 * path says where the person keeps things.
 */
export const pendingExports: Migration = {
  version: 110,
  name: 'pending-exports',
  up(db) {
    db.exec('CREATE TABLE pending_exports (path TEXT PRIMARY KEY NOT NULL, started_at INTEGER NOT NULL)')
  },
}
