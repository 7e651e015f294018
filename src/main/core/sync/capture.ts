/**
 * Local changes -> operations. The capture triggers note which rows changed; this reads each
 * such row and compares it with what sync last saw there: a changed field becomes a `set`, a
 * changed long text becomes a CRDT edit, a row gone becomes a tombstone. Generic over every
 * registered table: no table has a hand-written path.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Hlc } from './hlc'
import { localDelete, localSet, localText } from './local-edits'
import { DELETED_FIELD, type JsonValue, type Op } from './ops'
import { clearDirty, dirtyRows, readRow } from './sync-rows.repo'
import type { VaultSyncStore } from './sync-state.repo'
import { keyColumns, syncedTable, type SyncedTable } from './synced-tables'

const CAPTURE_BATCH = 500

const asJson = (value: unknown): JsonValue =>
  typeof value === 'string' || typeof value === 'number' || value === null ? value : String(value)

function captureRow(store: VaultSyncStore, hlc: Hlc, table: SyncedTable, rowKey: string, row: Record<string, unknown> | undefined): Op[] {
  const name = table.table
  const ops: Op[] = []
  const deleted = store.cell(name, rowKey, DELETED_FIELD)?.value === true
  if (!row) {
    if (!deleted && store.rowCells(name, rowKey).length > 0) ops.push(localDelete(store, hlc, name, rowKey))
    return ops
  }
  if (deleted) ops.push(localSet(store, hlc, name, rowKey, DELETED_FIELD, false))
  const keys = keyColumns(table)
  for (const [column, raw] of Object.entries(row)) {
    if (keys.includes(column)) continue
    const value = asJson(raw)
    if (table.texts?.includes(column)) {
      const op = localText(store, hlc, name, rowKey, column, typeof value === 'string' ? value : '')
      if (op) ops.push(op)
      continue
    }
    const seen = store.seen(name, rowKey, column)
    if (seen !== undefined && JSON.stringify(seen) === JSON.stringify(value)) continue
    ops.push(localSet(store, hlc, name, rowKey, column, value))
    store.setSeen(name, rowKey, column, value)
  }
  if (ops.length === 0 && store.rowCells(name, rowKey).length === 0) {
    // A row with only its key (a tag on a reflection): its existence is the fact to sync.
    ops.push(localSet(store, hlc, name, rowKey, DELETED_FIELD, false))
  }
  return ops
}

/** Turns every row noted since the last capture into queued operations; returns how many. */
export function captureChanges(db: Database.Database, store: VaultSyncStore, hlc: Hlc): number {
  let captured = 0
  for (;;) {
    const batch = dirtyRows(db, CAPTURE_BATCH)
    if (batch.length === 0) return captured
    store.atomically(() => {
      for (const { tbl, row_key: rowKey } of batch) {
        const table = syncedTable(tbl)
        if (table) {
          const ops = captureRow(store, hlc, table, rowKey, readRow(db, table, JSON.parse(rowKey) as unknown[]))
          store.enqueue(ops)
          captured += ops.length
        }
        clearDirty(db, tbl, rowKey)
      }
    })
  }
}
