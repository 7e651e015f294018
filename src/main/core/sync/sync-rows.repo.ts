/**
 * SQL over the synced tables themselves: the capture triggers, the rows changed locally, and
 * writing merged rows back. Table and column names come only from the registry (synced-tables.ts)
 * and from the schema itself, never from a file in the sync folder.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared } from '../db/table.repo'
import { keyColumns, type SyncedTable } from './synced-tables'

type Row = Record<string, unknown>

export function tableColumns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name)
}

const keyJson = (prefix: 'NEW' | 'OLD', table: SyncedTable): string =>
  `json_array(${keyColumns(table).map((c) => `${prefix}.${c}`).join(', ')})`

/**
 * Installs (once per table) the triggers that note every local change to a synced row in
 * sync_dirty, and notes every existing row (the first upload). Writes made while sync_applying
 * holds a row (remote changes being written) are not noted.
 */
export function installCapture(db: Database.Database, table: SyncedTable): boolean {
  if (prepared(db, 'SELECT 1 FROM sync_registered WHERE tbl = ?').get(table.table)) return false
  for (const kind of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS sync_capture_${table.table}_${kind}`)
  const name = table.table
  // No OR IGNORE here: inside a trigger, the outer statement's conflict clause (INSERT OR
  // REPLACE, an upsert) would override it. The row is noted unless it already is.
  const note = (prefix: 'NEW' | 'OLD') =>
    `INSERT INTO sync_dirty (tbl, row_key) SELECT '${name}', ${keyJson(prefix, table)} WHERE NOT EXISTS (SELECT 1 FROM sync_applying)
     AND NOT EXISTS (SELECT 1 FROM sync_dirty WHERE tbl = '${name}' AND row_key = ${keyJson(prefix, table)});`
  db.exec(`
CREATE TRIGGER sync_capture_${name}_insert AFTER INSERT ON ${name} BEGIN ${note('NEW')} END;
CREATE TRIGGER sync_capture_${name}_update AFTER UPDATE ON ${name} BEGIN ${note('OLD')} ${note('NEW')} END;
CREATE TRIGGER sync_capture_${name}_delete AFTER DELETE ON ${name} BEGIN ${note('OLD')} END;
INSERT OR IGNORE INTO sync_dirty (tbl, row_key) SELECT '${name}', ${keyJson('NEW', table).replaceAll('NEW.', '')} FROM ${name};
`)
  prepared(db, 'INSERT INTO sync_registered (tbl, columns) VALUES (?, ?)').run(name, JSON.stringify(tableColumns(db, name)))
  return true
}

export function removeCapture(db: Database.Database, tables: readonly SyncedTable[]): void {
  for (const { table } of tables) {
    for (const kind of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS sync_capture_${table}_${kind}`)
  }
  db.exec('DELETE FROM sync_registered; DELETE FROM sync_dirty;')
}

export function dirtyRows(db: Database.Database, limit: number): Array<{ tbl: string; row_key: string }> {
  return prepared(db, 'SELECT tbl, row_key FROM sync_dirty LIMIT ?').all(limit) as Array<{ tbl: string; row_key: string }>
}

export function clearDirty(db: Database.Database, table: string, rowKey: string): void {
  prepared(db, 'DELETE FROM sync_dirty WHERE tbl = ? AND row_key = ?').run(table, rowKey)
}

const whereKey = (table: SyncedTable): string => keyColumns(table).map((c) => `${c} IS ?`).join(' AND ')

export function readRow(db: Database.Database, table: SyncedTable, key: unknown[]): Row | undefined {
  return prepared(db, `SELECT * FROM ${table.table} WHERE ${whereKey(table)}`).get(...key) as Row | undefined
}

export function deleteRow(db: Database.Database, table: SyncedTable, key: unknown[]): void {
  prepared(db, `DELETE FROM ${table.table} WHERE ${whereKey(table)}`).run(...key)
}

/** Inserts the row, or updates the given columns of the row with the same key. */
export function upsertRow(db: Database.Database, table: SyncedTable, row: Row): void {
  const columns = Object.keys(row)
  const keys = keyColumns(table)
  const updates = columns.filter((c) => !keys.includes(c))
  const conflict = updates.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`
  const sql = `INSERT INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (${keys.join(', ')}) ${conflict}`
  prepared(db, sql).run(...columns.map((c) => row[c]))
}

/** Sets some columns of the row with this key. */
export function updateColumns(db: Database.Database, table: SyncedTable, key: unknown[], values: Row): void {
  const columns = Object.keys(values)
  prepared(db, `UPDATE ${table.table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${whereKey(table)}`).run(...columns.map((c) => values[c]), ...key)
}

/** While applying, writes to synced tables are not captured as local changes. */
export function setApplying(db: Database.Database, on: boolean): void {
  prepared(db, on ? 'INSERT OR IGNORE INTO sync_applying (id) VALUES (1)' : 'DELETE FROM sync_applying').run()
}

export function markPending(db: Database.Database, table: string, rowKey: string, pending: boolean): void {
  prepared(db, pending ? 'INSERT OR IGNORE INTO sync_pending (tbl, row_key) VALUES (?, ?)' : 'DELETE FROM sync_pending WHERE tbl = ? AND row_key = ?').run(table, rowKey)
}

/** The row is queued to be written from the merged state (which may be ahead of the table). */
export function isPending(db: Database.Database, table: string, rowKey: string): boolean {
  return prepared(db, 'SELECT 1 FROM sync_pending WHERE tbl = ? AND row_key = ?').get(table, rowKey) !== undefined
}

/** The row changed here since the last capture. */
export function isDirty(db: Database.Database, table: string, rowKey: string): boolean {
  return prepared(db, 'SELECT 1 FROM sync_dirty WHERE tbl = ? AND row_key = ?').get(table, rowKey) !== undefined
}

export function pendingRows(db: Database.Database): Array<{ tbl: string; row_key: string }> {
  return prepared(db, 'SELECT tbl, row_key FROM sync_pending').all() as Array<{ tbl: string; row_key: string }>
}

export interface ForeignKey {
  from: string
  table: string
  to: string
  onDelete: string
}

export function foreignKeys(db: Database.Database, table: string): ForeignKey[] {
  return (db.prepare(`PRAGMA foreign_key_list(${table})`).all() as Array<{ from: string; table: string; to: string; on_delete: string }>).map(
    (fk) => ({ from: fk.from, table: fk.table, to: fk.to, onDelete: fk.on_delete }),
  )
}

export function rowExists(db: Database.Database, table: string, column: string, value: unknown): boolean {
  return prepared(db, `SELECT 1 FROM ${table} WHERE ${column} = ?`).get(value) !== undefined
}

/**
 * Runs `fn` (one whole transaction) with synchronous=NORMAL: the commit does not wait for the
 * disk. Only for applying other devices' files, which stay in the sync folder: a power cut can
 * roll back the last applied chunk together with its applied sequence, never half of it, and the
 * chunk is applied again. The next ordinary (FULL) commit makes it durable. Nothing else runs in
 * between, so the person's own saves keep waiting for the disk.
 */
export function withoutDiskWait<T>(db: Database.Database, fn: () => T): T {
  const previous = db.pragma('synchronous', { simple: true }) as number
  db.pragma('synchronous = NORMAL')
  try {
    return fn()
  } finally {
    db.pragma(`synchronous = ${previous}`)
  }
}

/** The column lists of the table's UNIQUE constraints and unique indexes (not its primary key). */
export function uniqueColumnSets(db: Database.Database, table: string): string[][] {
  const indexes = db.pragma(`index_list(${table})`) as Array<{ name: string; unique: number; origin: string }>
  return indexes
    .filter((index) => index.unique === 1 && index.origin !== 'pk')
    .map((index) => (db.pragma(`index_info(${index.name})`) as Array<{ name: string }>).map((column) => column.name))
}

/** The row that already holds these values of unique columns, if any. */
export function rowWithValues(db: Database.Database, table: string, values: Row): Row | undefined {
  const columns = Object.keys(values)
  return prepared(db, `SELECT * FROM ${table} WHERE ${columns.map((c) => `${c} = ?`).join(' AND ')}`).get(...columns.map((c) => values[c])) as Row | undefined
}

/** The earliest stamp in the merged state of a row (its creation, which names the device that created it). */
export function firstStamp(db: Database.Database, table: string, rowKey: string): string | undefined {
  const row = prepared(db, 'SELECT MIN(stamp) AS stamp FROM sync_cells WHERE tbl = ? AND row_key = ?').get(table, rowKey) as { stamp: string | null }
  return row.stamp ?? undefined
}

/** The rows of `table` whose `column` holds `value`. */
export function rowsWhere(db: Database.Database, table: string, column: string, value: unknown): Row[] {
  return prepared(db, `SELECT * FROM ${table} WHERE ${column} = ?`).all(value) as Row[]
}

/**
 * A save replaced values of a synced row that its editor never showed (records/entity.service.ts
 * `replacedUnseen`): each column's `seen` becomes what the editor showed, so the capture of that
 * save takes the merged value it replaces as unseen and keeps it as history (capture.ts). A cell
 * sync has not recorded is left alone.
 */
export function noteShownInstead(db: Database.Database, table: string, rowKey: string, shown: Row): void {
  const update = prepared(db, 'UPDATE sync_cells SET seen = ? WHERE tbl = ? AND row_key = ? AND field = ? AND seen IS NOT NULL')
  for (const [column, value] of Object.entries(shown)) update.run(JSON.stringify(value), table, rowKey, column)
}
