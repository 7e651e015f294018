/**
 * Merged state -> rows. After operations are applied, each row they touched is written back
 * into its table exactly as a local save would write it, so full-text search, the timeline and
 * the contact log follow through their usual triggers and queries. A row that cannot be
 * written yet (its parent row is still on its way, or a unique name clashes) waits in
 * sync_pending and is tried again after the next file. Rows are queued in sync_pending first and
 * written in small slices, so a long catch-up never holds the event loop for long.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Hlc } from './hlc'
import { applyOp } from './merge'
import { DELETED_FIELD, type HistoryOp } from './ops'
import { captureRowChanges } from './capture'
import { deleteRow, foreignKeys, isDirty, markPending, pendingRows, rowExists, setApplying, tableColumns, upsertRow, type ForeignKey } from './sync-rows.repo'
import type { VaultSyncStore } from './sync-state.repo'
import { keyColumns, SYNCED_TABLES, syncedTable, tableOrder, type SyncedTable } from './synced-tables'
import { foldUniqueClash } from './unique-clash'

const isConstraint = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')
}

export type RowRef = readonly [table: string, rowKey: string]

/**
 * A reference to a row that the merged state says was deleted (on another computer, while this
 * one was pointing at it) gets what the schema does locally on a delete: SET NULL clears it,
 * CASCADE removes the referring row. A reference to a row that has not arrived yet waits.
 * Returns 'wait', 'gone' (cascade) or 'fixed'.
 */
function settleReferences(
  db: Database.Database,
  store: VaultSyncStore,
  keys: readonly ForeignKey[],
  row: Record<string, unknown>,
): 'wait' | 'gone' | 'fixed' {
  for (const fk of keys) {
    const value = row[fk.from]
    if (value === null || value === undefined || rowExists(db, fk.table, fk.to, value)) continue
    if (store.cell(fk.table, JSON.stringify([value]), DELETED_FIELD)?.value !== true) return 'wait'
    if (fk.onDelete === 'CASCADE') return 'gone'
    if (fk.onDelete !== 'SET NULL') return 'wait'
    row[fk.from] = null
  }
  return 'fixed'
}

const isUniqueClash = (error: unknown): boolean => (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'

export function createMaterializer(db: Database.Database, store: VaultSyncStore, device: string, hlc: Hlc) {
  /** Folds a same-natural-key row created here into the incoming one (unique-clash.ts), all or nothing. */
  const folded = (table: SyncedTable, row: Record<string, unknown>, rowKey: string): boolean => {
    const referrers = SYNCED_TABLES.flatMap((child) => references(child.table).filter((fk) => fk.table === table.table).map((fk) => ({ table: child, column: fk.from })))
    const keep = (foldedKey: string, column: string, value: unknown): void => {
      const cell = store.cell(table.table, foldedKey, column)
      const op: HistoryOp = { k: 'h', t: table.table, r: rowKey, f: column, v: cell?.value ?? String(value), s: cell?.stamp ?? hlc.next() }
      applyOp(store, op)
      store.enqueue([op])
    }
    try {
      return db.transaction(() => foldUniqueClash(db, device, table, row, rowKey, referrers, keep))()
    } catch (error) {
      if (isConstraint(error)) return false
      throw error
    }
  }
  const columnsOf = new Map<string, Set<string>>()
  const foreignKeysOf = new Map<string, ForeignKey[]>()
  const references = (table: string): ForeignKey[] => {
    let list = foreignKeysOf.get(table)
    if (!list) {
      list = foreignKeys(db, table)
      foreignKeysOf.set(table, list)
    }
    return list
  }
  const columns = (table: string): Set<string> => {
    let set = columnsOf.get(table)
    if (!set) {
      set = new Set(tableColumns(db, table))
      columnsOf.set(table, set)
    }
    return set
  }

  /** The row holds its merged state now (or is gone): nothing of it waits any more. */
  const written = (tbl: string, rowKey: string): void => {
    store.textsWritten(tbl, rowKey)
    markPending(db, tbl, rowKey, false)
  }

  const writeRow = (tbl: string, rowKey: string): void => {
    const table = syncedTable(tbl)
    if (!table) return // a table from a newer Between: kept in the merged state, written once known
    // Saved here since the last capture (between two slices of this pass): captured first, so
    // writing the merged row keeps the person's values instead of overwriting them (capture.ts).
    if (isDirty(db, tbl, rowKey)) captureRowChanges(db, store, hlc, tbl, rowKey)
    const key = JSON.parse(rowKey) as unknown[]
    const cells = store.rowCells(tbl, rowKey)
    if (cells.find((c) => c.field === DELETED_FIELD)?.value === true) {
      deleteRow(db, table, key)
      written(tbl, rowKey)
      return
    }
    const known = columns(tbl)
    const keys = keyColumns(table)
    const row: Record<string, unknown> = {}
    keys.forEach((column, i) => (row[column] = key[i]))
    for (const { field, value } of cells) {
      if (known.has(field) && !keys.includes(field) && (typeof value === 'string' || typeof value === 'number' || value === null)) {
        row[field] = value
      }
    }
    for (const { field, text } of store.rowTexts(tbl, rowKey)) if (known.has(field)) row[field] = text
    const settled = settleReferences(db, store, references(tbl), row)
    if (settled === 'gone') {
      deleteRow(db, table, key)
      written(tbl, rowKey)
      return
    }
    try {
      if (settled === 'wait') throw Object.assign(new Error('parent row still on its way'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })
      db.transaction(() => upsertRow(db, table, row))()
    } catch (error) {
      if (!isConstraint(error)) throw error
      if (!(isUniqueClash(error) && folded(table, row, rowKey))) {
        markPending(db, tbl, rowKey, true)
        return
      }
    }
    for (const { field, value } of cells) if (field in row) store.setSeen(tbl, rowKey, field, row[field] === null ? null : value)
    written(tbl, rowKey)
  }

  const ordered = (rows: Iterable<RowRef>): RowRef[] => [...rows].sort((a, b) => (tableOrder.get(a[0]) ?? 1e9) - (tableOrder.get(b[0]) ?? 1e9))

  return {
    /**
     * Queues rows to be written: they wait in sync_pending (inside the caller's transaction, the
     * one that applied their operations), so a stop before they are written loses nothing.
     * Returns them parents first.
     */
    queue(rows: Iterable<RowRef>): RowRef[] {
      const list = ordered(rows)
      for (const [tbl, rowKey] of list) markPending(db, tbl, rowKey, true)
      return list
    },
    /** Writes rows (parents first); one that cannot be written yet stays in sync_pending. Inside the caller's transaction. */
    write(rows: Iterable<RowRef>): void {
      setApplying(db, true)
      try {
        for (const [tbl, rowKey] of ordered(rows)) writeRow(tbl, rowKey)
      } finally {
        setApplying(db, false)
      }
    },
    /** Every row still waiting in sync_pending, parents first. */
    waiting(): RowRef[] {
      return ordered(pendingRows(db).map(({ tbl, row_key: rowKey }) => [tbl, rowKey] as const))
    },
  }
}
