/**
 * Two computers that each created a row with the same natural key before they synced (the same
 * diary day, a tag with the same name): the table's UNIQUE constraint lets only one of them in.
 * Every device agrees on the survivor (the row whose key sorts first), and exactly one device
 * folds the other row into it: the one that created the other row. It deletes its row and
 * appends that row's long texts to the survivor's, and points the rows that referred to it (a
 * tag's links to entries) at the survivor, as local edits, so all of it travels to every device
 * like any edit. The folded row's other values that differ from the survivor's (a day's ratings)
 * are kept as the survivor's history (history operations), so they can still be read there.
 * Other devices keep the incoming row in
 * sync_pending until that fold arrives. Nobody's words are lost, and nothing is joined twice.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { stampDevice } from './hlc'
import { deleteRow, firstStamp, readRow, rowsWhere, rowWithValues, setApplying, uniqueColumnSets, updateColumns, upsertRow } from './sync-rows.repo'
import { keyColumns, type SyncedTable } from './synced-tables'

type Row = Record<string, unknown>

const rowKeyOf = (table: SyncedTable, row: Row): string => JSON.stringify(keyColumns(table).map((column) => row[column]))

/** The local row that holds the same unique values as `row` under another key, if any. */
function clashingRow(db: Database.Database, table: SyncedTable, row: Row, rowKey: string): Row | undefined {
  for (const columns of uniqueColumnSets(db, table.table)) {
    if (columns.some((column) => row[column] === null || row[column] === undefined)) continue
    const other = rowWithValues(db, table.table, Object.fromEntries(columns.map((column) => [column, row[column]])))
    if (other && rowKeyOf(table, other) !== rowKey) return other
  }
  return undefined
}

/** Runs `write` as this device's own edit: captured, so it travels to the other devices. */
function asLocalEdit(db: Database.Database, write: () => void): void {
  setApplying(db, false)
  try {
    write()
  } finally {
    setApplying(db, true)
  }
}

const joined = (survivor: unknown, folded: unknown): string => {
  const a = typeof survivor === 'string' ? survivor : ''
  const b = typeof folded === 'string' ? folded : ''
  if (b.trim() === '' || a.includes(b)) return a
  return a.trim() === '' ? b : `${a}\n\n${b}`
}

/**
 * Called when `row` (key `rowKey`) could not be written because of a UNIQUE clash. Folds this
 * device's clashing row into it when this device should (see above) and writes `row` with the
 * joined texts; returns false when the row has to wait for another device's fold.
 */
export interface Referrer {
  table: SyncedTable
  /** The referring column (a single-column reference to the folded table's key). */
  column: string
}

/** Keeps a value of the folded row as history of the survivor's field (see keptValues). */
export type KeepAsHistory = (foldedKey: string, column: string, value: unknown) => void

/**
 * The folded row's values that the survivor's replace: every column but the keys, the long
 * texts (joined instead), the unique columns (equal by definition) and bookkeeping times (`*_at`).
 */
function keptValues(db: Database.Database, table: SyncedTable, survivor: Row, folded: Row): Array<[string, unknown]> {
  const skip = new Set([...keyColumns(table), ...(table.texts ?? []), ...uniqueColumnSets(db, table.table).flat()])
  return Object.entries(folded).filter(
    ([column, value]) => !skip.has(column) && !column.endsWith('_at') && column !== 'at' && value !== null && value !== survivor[column],
  )
}

export function foldUniqueClash(
  db: Database.Database,
  device: string,
  table: SyncedTable,
  row: Row,
  rowKey: string,
  referrers: readonly Referrer[],
  keep: KeepAsHistory,
): boolean {
  const other = clashingRow(db, table, row, rowKey)
  if (!other) return false
  const otherKey = rowKeyOf(table, other)
  if (otherKey < rowKey) return false // the local row survives; the incoming one waits for its creator's fold
  const created = firstStamp(db, table.table, otherKey)
  if (created !== undefined && stampDevice(created) !== device) return false // another device created it and folds it
  const [from] = JSON.parse(otherKey) as unknown[]
  const [to] = JSON.parse(rowKey) as unknown[]
  const moving = referrers.flatMap(({ table: child, column }) => rowsWhere(db, child.table, column, from).map((r) => ({ child, row: { ...r, [column]: to } })))
  for (const [column, value] of keptValues(db, table, row, other)) keep(otherKey, column, value)
  asLocalEdit(db, () => deleteRow(db, table, JSON.parse(otherKey) as unknown[]))
  upsertRow(db, table, row)
  asLocalEdit(db, () => {
    for (const { child, row: moved } of moving) upsertRow(db, child, moved)
  })
  const texts = Object.fromEntries((table.texts ?? []).map((column) => [column, joined(row[column], other[column])]))
  if (Object.entries(texts).some(([column, text]) => text !== row[column])) {
    asLocalEdit(db, () => updateColumns(db, table, JSON.parse(rowKey) as unknown[], texts))
  }
  return readRow(db, table, JSON.parse(rowKey) as unknown[]) !== undefined
}
