import type { Migration } from './index'

/**
 * 0130: what compaction needs to remember between sync passes (docs/sync.md, "Compaction"), as
 * named JSON values: how far every other device says it has applied each device's files (`acks`),
 * this device's time online and when it last heard from each device (`online`, `heard`), the
 * acknowledgement it last published (`published`), and whether it must rejoin (`rejoin`).
 */
export const syncCompaction: Migration = {
  version: 130,
  name: 'sync-compaction',
  up(db) {
    db.exec('CREATE TABLE sync_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value))) WITHOUT ROWID')
  },
}
