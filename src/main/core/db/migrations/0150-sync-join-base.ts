import type { Migration } from './index'

/**
 * 0150: what this vault last held in sync, kept when sync is turned off, so that joining a
 * folder again records only what changed here since (src/main/core/sync/joining.ts): for each
 * field the value last written or recorded (`seen`) and the stamp of its merged value, for each
 * long text its Yjs document. Emptied once the join has recorded the rows.
 */
export const syncJoinBase: Migration = {
  version: 150,
  name: 'sync-join-base',
  up(db) {
    db.exec(`
CREATE TABLE sync_join_base (
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  field TEXT NOT NULL,
  seen TEXT,
  stamp TEXT,
  doc BLOB,
  PRIMARY KEY (tbl, row_key, field)
) WITHOUT ROWID;`)
  },
}
