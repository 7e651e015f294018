import type { Migration } from './index'

/**
 * Sync (docs/sync.md): this computer's part in sync, its keys, and the merged state of every
 * synced field. Only what the person has turned on is ever written here; with sync off these
 * tables stay empty.
 *
 * - sync_settings: one row while sync is on (device id and name, the folder, the device's own
 *   secret that opens the sync keys wrapped for it, its sequence and its clock).
 * - sync_keys: the sync keys by epoch (the database is encrypted; the folder never holds them bare).
 * - sync_cells: each synced field's winning value and stamp; `seen` is what was last written
 *   into the row, so a local change is told from a value not yet materialised.
 * - sync_texts: the Yjs document of each long text field.
 * - sync_history: values that lost to a concurrent edit, kept and shown, never dropped.
 * - sync_superseded: stamps some later edit replaced knowingly (not conflicts).
 * - sync_outbox: operations not yet sealed into a file; sync_peers: what was applied from whom.
 * - sync_dirty: rows changed locally since the last capture (filled by triggers the sync
 *   service installs from its registry); sync_applying: set only while remote changes are
 *   written, so those writes are not captured again; sync_pending: rows whose merged state
 *   cannot be written yet (a parent row still on its way).
 */
export const sync: Migration = {
  version: 60,
  name: 'sync',
  up(db) {
    db.exec(`
CREATE TABLE sync_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  device_id TEXT NOT NULL,
  device_name TEXT NOT NULL,
  folder TEXT NOT NULL,
  folder_id TEXT NOT NULL,
  device_secret BLOB NOT NULL,
  own_sequence INTEGER NOT NULL DEFAULT 0,
  clock TEXT,
  enabled_at INTEGER NOT NULL
);
CREATE TABLE sync_keys (epoch INTEGER PRIMARY KEY, key BLOB NOT NULL);
CREATE TABLE sync_cells (
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  stamp TEXT NOT NULL,
  seen TEXT,
  PRIMARY KEY (tbl, row_key, field)
) WITHOUT ROWID;
CREATE TABLE sync_texts (
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  field TEXT NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (tbl, row_key, field)
) WITHOUT ROWID;
CREATE TABLE sync_history (
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  field TEXT NOT NULL,
  stamp TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (tbl, row_key, field, stamp)
) WITHOUT ROWID;
CREATE TABLE sync_superseded (
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  field TEXT NOT NULL,
  stamp TEXT NOT NULL,
  PRIMARY KEY (tbl, row_key, field, stamp)
) WITHOUT ROWID;
CREATE TABLE sync_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, op TEXT NOT NULL);
CREATE TABLE sync_peers (
  device_id TEXT PRIMARY KEY,
  applied_sequence INTEGER NOT NULL DEFAULT 0,
  last_applied_at INTEGER
);
CREATE TABLE sync_dirty (tbl TEXT NOT NULL, row_key TEXT NOT NULL, PRIMARY KEY (tbl, row_key)) WITHOUT ROWID;
CREATE TABLE sync_pending (tbl TEXT NOT NULL, row_key TEXT NOT NULL, PRIMARY KEY (tbl, row_key)) WITHOUT ROWID;
CREATE TABLE sync_applying (id INTEGER PRIMARY KEY CHECK (id = 1));
CREATE TABLE sync_registered (tbl TEXT PRIMARY KEY, columns TEXT NOT NULL);
`)
  },
}
