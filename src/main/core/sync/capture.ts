/**
 * Local changes -> operations. The capture triggers note which rows changed; this reads each
 * such row and compares it with what sync last saw there: a changed field becomes a `set`, a
 * changed long text becomes a CRDT edit, a row gone becomes a tombstone. Generic over every
 * registered table: no table has a hand-written path.
 *
 * A row can be *ahead*: queued in sync_pending, its merged state holding values from another
 * computer that are not in the table yet (a pass applies files, then writes their rows in later
 * slices, and the person may save in between). What the person saved was written over the
 * table's older values, so it must not knowingly replace the newer ones: a changed field whose
 * merged value is not the one last written into the table replaces it without naming it (that
 * value is kept as history). A long text is an edit of what the row held, its *base* (kept in
 * sync_texts.base since the other computer's words arrived): the edit is made on the base and
 * merged into the merged document, so both computers' words stay, as when the two edits arrive
 * as files. Only when no base is known (a row queued before bases were kept) is the merged text
 * kept whole as history (an `h` operation) before the person's text replaces it (unless the
 * person's text only adds to it).
 *
 * A computer joining a folder captures its rows after taking in the folder's state (joining.ts):
 * a field whose merged value is already the row's says nothing, a field unchanged since the join
 * base keeps the later stamp, and a long text is an edit of the join base's document (without
 * one, of the folder's), never a second insertion of the same words.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Hlc } from './hlc'
import type { JoinBase } from './joining'
import { joinedText, localDelete, localSet, localText, textDiff } from './local-edits'
import { applyOp, TEXT_NAME } from './merge'
import { DELETED_FIELD, type HistoryOp, type JsonValue, type Op, type SetOp } from './ops'
import { clearDirty, dirtyRows, foreignKeys, isPending, readRow } from './sync-rows.repo'
import type { VaultSyncStore } from './sync-state.repo'
import { keyColumns, syncedTable, type SyncedTable } from './synced-tables'

const CAPTURE_BATCH = 500

const sameValue = (merged: JsonValue | undefined, value: JsonValue): boolean => merged !== undefined && JSON.stringify(merged) === JSON.stringify(value)

const asJson = (value: unknown): JsonValue =>
  typeof value === 'string' || typeof value === 'number' || value === null ? value : String(value)

/** The merged text, kept as history when the person's save replaces words they never saw. */
function keepUnseenText(store: VaultSyncStore, hlc: Hlc, table: string, rowKey: string, column: string, saved: string): HistoryOp | null {
  const merged = store.textDoc(table, rowKey, column).getText(TEXT_NAME).toString()
  // A save that removes none of the merged words (it only adds) loses nothing to keep.
  if (merged === saved || merged === '' || textDiff(merged, saved).remove === 0) return null
  const op: HistoryOp = { k: 'h', t: table, r: rowKey, f: column, v: merged, s: hlc.next() }
  applyOp(store, op)
  return op
}

/** A saved long text as a CRDT edit of what the row held (see above), or of the join base's document. */
function captureText(store: VaultSyncStore, hlc: Hlc, table: string, rowKey: string, column: string, saved: string, ahead: boolean, join?: JoinBase): Op[] {
  const kept = join?.text(table, rowKey, column)
  if (kept) {
    const op = joinedText(store, hlc, table, rowKey, column, saved, kept)
    return op ? [op] : []
  }
  const base = ahead ? store.textBase(table, rowKey, column) : null
  const ops: Op[] = []
  const unseen = ahead && !base ? keepUnseenText(store, hlc, table, rowKey, column, saved) : null
  if (unseen) ops.push(unseen)
  const op = localText(store, hlc, table, rowKey, column, saved, base ?? undefined)
  if (op) ops.push(op)
  if (op && base) store.setTextBase(table, rowKey, column, base) // the row now holds the base with the edit
  return ops
}

/**
 * Joining, a field unchanged here since the join base: the later of its kept stamp and the
 * merged one stands; a kept value the merged state does not hold yet is sent again with its
 * own stamp (joining.ts). Null when the field changed here (captured as usual).
 */
function keptField(store: VaultSyncStore, join: JoinBase, table: string, rowKey: string, column: string, value: JsonValue): Op[] | null {
  const kept = join.field(table, rowKey, column)
  if (!kept || !sameValue(kept.seen, value)) return null
  const ops: Op[] = []
  const merged = store.cell(table, rowKey, column)
  if (!merged || merged.stamp < kept.stamp) {
    const op: SetOp = { k: 's', t: table, r: rowKey, f: column, v: value, s: kept.stamp, p: null }
    if (applyOp(store, op)) ops.push(op)
  }
  store.setSeen(table, rowKey, column, value)
  return ops
}

/** Every column of the row holds what the join base says it held when last in sync. */
function unchangedSinceBase(join: JoinBase, table: SyncedTable, rowKey: string, row: Record<string, unknown>): boolean {
  const keys = keyColumns(table)
  return Object.entries(row).every(([column, raw]) => {
    if (keys.includes(column)) return true
    const value = asJson(raw)
    if (table.texts?.includes(column)) return join.text(table.table, rowKey, column)?.getText(TEXT_NAME).toString() === (value ?? '')
    const kept = join.field(table.table, rowKey, column)
    return kept !== undefined && sameValue(kept.seen, value)
  })
}

/** Whether a column's merged value names a row another computer deleted, so the table holds null instead (materialize.ts `settleReferences`). */
type ClearedReference = (column: string, merged: JsonValue | undefined) => boolean

const clearedReferences = (db: Database.Database, store: VaultSyncStore, tbl: string): ClearedReference => (column, merged) =>
  merged !== undefined && merged !== null &&
  foreignKeys(db, tbl).some((fk) => fk.from === column && store.cell(fk.table, JSON.stringify([merged]), DELETED_FIELD)?.value === true)

function captureRow(store: VaultSyncStore, hlc: Hlc, table: SyncedTable, rowKey: string, row: Record<string, unknown> | undefined, ahead: boolean, cleared: ClearedReference, join?: JoinBase): Op[] {
  const name = table.table
  const ops: Op[] = []
  const deleted = store.cell(name, rowKey, DELETED_FIELD)?.value === true
  if (!row) {
    if (!deleted && store.rowCells(name, rowKey).length > 0) ops.push(localDelete(store, hlc, name, rowKey))
    return ops
  }
  const keys = keyColumns(table)
  // Joining, a row deleted on another computer and not edited here since the join base stays deleted.
  if (deleted && join && unchangedSinceBase(join, table, rowKey, row)) return ops
  if (deleted) ops.push(localSet(store, hlc, name, rowKey, DELETED_FIELD, false))
  for (const [column, raw] of Object.entries(row)) {
    if (keys.includes(column)) continue
    const value = asJson(raw)
    if (table.texts?.includes(column)) {
      ops.push(...captureText(store, hlc, name, rowKey, column, typeof value === 'string' ? value : '', ahead, join))
      continue
    }
    const seen = store.seen(name, rowKey, column)
    if (seen !== undefined && JSON.stringify(seen) === JSON.stringify(value)) continue
    const kept = seen === undefined && join ? keptField(store, join, name, rowKey, column, value) : null
    if (kept) {
      ops.push(...kept)
      continue
    }
    if (seen === undefined && sameValue(store.cell(name, rowKey, column)?.value, value)) {
      // Never written or recorded here, and the merged state already holds it (a joining
      // computer's row that the folder has): nothing to say.
      store.setSeen(name, rowKey, column, value)
      continue
    }
    // The person saw `seen`: a merged value other than that arrived after, unseen. Ahead, `seen`
    // is what the table held; otherwise it equals the merged value unless a save said its editor
    // showed something else (`noteShownInstead`), an empty field (null) included. A reference
    // cleared to null because the row it named was deleted elsewhere is not that.
    const merged = store.cell(name, rowKey, column)?.value
    const shown = seen !== undefined && (seen !== null || !cleared(column, merged))
    const unseen = (ahead || shown) && JSON.stringify(merged) !== JSON.stringify(seen)
    ops.push(localSet(store, hlc, name, rowKey, column, value, unseen))
    store.setSeen(name, rowKey, column, value)
  }
  if (ops.length === 0 && store.rowCells(name, rowKey).length === 0) {
    // A row with only its key (a tag on a reflection): its existence is the fact to sync.
    ops.push(localSet(store, hlc, name, rowKey, DELETED_FIELD, false))
  }
  return ops
}

/** Turns one noted row into queued operations (inside the caller's transaction); returns how many. */
export function captureRowChanges(db: Database.Database, store: VaultSyncStore, hlc: Hlc, tbl: string, rowKey: string, join?: JoinBase): number {
  const table = syncedTable(tbl)
  let captured = 0
  if (table) {
    const ops = captureRow(store, hlc, table, rowKey, readRow(db, table, JSON.parse(rowKey) as unknown[]), isPending(db, tbl, rowKey), clearedReferences(db, store, tbl), join)
    store.enqueue(ops)
    captured = ops.length
  }
  clearDirty(db, tbl, rowKey)
  return captured
}

/** Turns every row noted since the last capture into queued operations (joining: against the join base); returns how many. */
export function captureChanges(db: Database.Database, store: VaultSyncStore, hlc: Hlc, join?: JoinBase): number {
  let captured = 0
  for (;;) {
    const batch = dirtyRows(db, CAPTURE_BATCH)
    if (batch.length === 0) return captured
    store.atomically(() => {
      for (const { tbl, row_key: rowKey } of batch) captured += captureRowChanges(db, store, hlc, tbl, rowKey, join)
    })
  }
}
