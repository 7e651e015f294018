/**
 * The merged sync state in the vault (migration 0060): the MergeStore and ProgressStore the
 * engine needs, over sync_cells, sync_texts, sync_history, sync_superseded, sync_outbox and
 * sync_peers (sync_texts.base: migration 0140). Text documents are kept in memory while a
 * connection lives and written back on every change; a failed transaction drops them so they
 * are read again.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import * as Y from 'yjs'
import { prepared } from '../db/table.repo'
import type { Stamp } from './hlc'
import { TEXT_NAME } from './merge'
import type { Cell, HistoryEntry, SyncStore } from './merge-store'
import type { JsonValue, Op } from './ops'
import { cellKey, stateHash } from './state-hash'

export interface VaultSyncStore extends SyncStore {
  /**
   * A text's document as last written into its row (or captured from it), kept while newer words
   * from another computer wait to be written there; null when the row holds the merged text.
   * Every change by another computer's words keeps the document before it as this base, until
   * the row is written (`textsWritten`) or a capture says what it holds now (`setTextBase`).
   * Read with a writer id of its own, so an edit made on it never reuses an id the merged
   * document holds.
   */
  textBase(table: string, row: string, field: string): Y.Doc | null
  setTextBase(table: string, row: string, field: string, base: Y.Doc | null): void
  /** The row now holds its merged texts. */
  textsWritten(table: string, row: string): void
  /** The value last written into the row (or captured from it). */
  seen(table: string, row: string, field: string): JsonValue | undefined
  setSeen(table: string, row: string, field: string, value: JsonValue): void
  rowCells(table: string, row: string): Array<{ field: string; value: JsonValue }>
  rowTexts(table: string, row: string): Array<{ field: string; text: string }>
  history(table: string, row: string): HistoryEntry[]
  outboxSize(): number
  hash(): string
}

interface CellRow {
  value: string
  stamp: string
}

interface KeyRow {
  tbl: string
  row_key: string
  field: string
}

/**
 * A table's rows in key order, `size` at a time: each page is its own query, so nothing is left
 * open on the connection between two pages (the person keeps saving while a snapshot is read).
 * The key is (tbl, row_key, field), and the stamp too when `stamped`.
 */
function* pagesOf<T extends KeyRow>(db: Database.Database, table: string, columns: string, size: number, stamped = false): Generator<T> {
  const key = stamped ? 'tbl, row_key, field, stamp' : 'tbl, row_key, field'
  const first = prepared(db, `SELECT tbl, row_key, field, ${columns} FROM ${table} ORDER BY ${key} LIMIT ?`)
  const next = prepared(db, `SELECT tbl, row_key, field, ${columns} FROM ${table} WHERE (${key}) > (${stamped ? '?, ?, ?, ?' : '?, ?, ?'}) ORDER BY ${key} LIMIT ?`)
  let page = first.all(size) as T[]
  while (page.length > 0) {
    yield* page
    if (page.length < size) return
    const last = page[page.length - 1] as T & { stamp?: string }
    const after = stamped ? [last.tbl, last.row_key, last.field, last.stamp] : [last.tbl, last.row_key, last.field]
    page = next.all(...after, size) as T[]
  }
}

export function vaultSyncStore(db: Database.Database, yjsClientId: number): VaultSyncStore {
  const docs = new Map<string, Y.Doc>()
  const loadDoc = (t: string, r: string, f: string): Y.Doc => {
    const doc = new Y.Doc({ guid: cellKey(t, r, f) })
    doc.clientID = yjsClientId
    const row = prepared(db, 'SELECT state FROM sync_texts WHERE tbl = ? AND row_key = ? AND field = ?').get(t, r, f) as
      | { state: Buffer }
      | undefined
    if (row) Y.applyUpdate(doc, row.state)
    return doc
  }
  /** A document read from a stored state, with a writer id of its own (Yjs picks one at random). */
  const docFrom = (state: Buffer): Y.Doc => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    return doc
  }
  const textOf = (state: Buffer): string => docFrom(state).getText(TEXT_NAME).toString()

  return {
    cell(t, r, f) {
      const row = prepared(db, 'SELECT value, stamp FROM sync_cells WHERE tbl = ? AND row_key = ? AND field = ?').get(t, r, f) as
        | CellRow
        | undefined
      return row ? { value: JSON.parse(row.value) as JsonValue, stamp: row.stamp } : undefined
    },
    putCell(t, r, f, cell: Cell) {
      prepared(
        db,
        `INSERT INTO sync_cells (tbl, row_key, field, value, stamp) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tbl, row_key, field) DO UPDATE SET value = excluded.value, stamp = excluded.stamp`,
      ).run(t, r, f, JSON.stringify(cell.value), cell.stamp)
    },
    seen(t, r, f) {
      const row = prepared(db, 'SELECT seen FROM sync_cells WHERE tbl = ? AND row_key = ? AND field = ?').get(t, r, f) as
        | { seen: string | null }
        | undefined
      return row?.seen == null ? undefined : (JSON.parse(row.seen) as JsonValue)
    },
    setSeen(t, r, f, value) {
      prepared(db, 'UPDATE sync_cells SET seen = ? WHERE tbl = ? AND row_key = ? AND field = ?').run(JSON.stringify(value), t, r, f)
    },
    rowCells(t, r) {
      return (prepared(db, 'SELECT field, value FROM sync_cells WHERE tbl = ? AND row_key = ?').all(t, r) as Array<{ field: string; value: string }>).map(
        (row) => ({ field: row.field, value: JSON.parse(row.value) as JsonValue }),
      )
    },
    rowTexts(t, r) {
      return (prepared(db, 'SELECT field FROM sync_texts WHERE tbl = ? AND row_key = ?').all(t, r) as Array<{ field: string }>).map((row) => ({
        field: row.field,
        text: this.textDoc(t, r, row.field).getText(TEXT_NAME).toString(),
      }))
    },
    textDoc(t, r, f) {
      const key = cellKey(t, r, f)
      let doc = docs.get(key)
      if (!doc) {
        doc = loadDoc(t, r, f)
        docs.set(key, doc)
      }
      return doc
    },
    textChanged(t, r, f, doc, local) {
      // Another computer's words: the row still holds the text before them (kept as its base).
      const base = local ? 'base' : 'coalesce(base, state)'
      prepared(
        db,
        `INSERT INTO sync_texts (tbl, row_key, field, state) VALUES (?, ?, ?, ?)
         ON CONFLICT (tbl, row_key, field) DO UPDATE SET base = ${base}, state = excluded.state`,
      ).run(t, r, f, Buffer.from(Y.encodeStateAsUpdate(doc)))
    },
    textBase(t, r, f) {
      const base = prepared(db, 'SELECT base FROM sync_texts WHERE tbl = ? AND row_key = ? AND field = ?').pluck().get(t, r, f) as Buffer | null | undefined
      return base ? docFrom(base) : null
    },
    setTextBase(t, r, f, base) {
      prepared(db, 'UPDATE sync_texts SET base = ? WHERE tbl = ? AND row_key = ? AND field = ?').run(base && Buffer.from(Y.encodeStateAsUpdate(base)), t, r, f)
    },
    textsWritten(t, r) {
      prepared(db, 'UPDATE sync_texts SET base = NULL WHERE tbl = ? AND row_key = ? AND base IS NOT NULL').run(t, r)
    },
    isSuperseded: (t, r, f, stamp: Stamp) =>
      prepared(db, 'SELECT 1 FROM sync_superseded WHERE tbl = ? AND row_key = ? AND field = ? AND stamp = ?').get(t, r, f, stamp) !== undefined,
    supersede(t, r, f, stamp) {
      prepared(db, 'INSERT OR IGNORE INTO sync_superseded (tbl, row_key, field, stamp) VALUES (?, ?, ?, ?)').run(t, r, f, stamp)
      prepared(db, 'DELETE FROM sync_history WHERE tbl = ? AND row_key = ? AND field = ? AND stamp = ?').run(t, r, f, stamp)
    },
    addHistory(entry) {
      prepared(db, 'INSERT OR IGNORE INTO sync_history (tbl, row_key, field, stamp, value) VALUES (?, ?, ?, ?, ?)').run(
        entry.table,
        entry.row,
        entry.field,
        entry.stamp,
        JSON.stringify(entry.value),
      )
    },
    history(t, r) {
      return (
        prepared(db, 'SELECT field, stamp, value FROM sync_history WHERE tbl = ? AND row_key = ? ORDER BY stamp').all(t, r) as Array<{
          field: string
          stamp: string
          value: string
        }>
      ).map((row) => ({ table: t, row: r, field: row.field, stamp: row.stamp, value: JSON.parse(row.value) as JsonValue }))
    },
    appliedSequence: (device) =>
      (prepared(db, 'SELECT applied_sequence FROM sync_peers WHERE device_id = ?').pluck().get(device) as number | undefined) ?? 0,
    setAppliedSequence(device, sequence) {
      prepared(
        db,
        `INSERT INTO sync_peers (device_id, applied_sequence) VALUES (?, ?)
         ON CONFLICT (device_id) DO UPDATE SET applied_sequence = excluded.applied_sequence`,
      ).run(device, sequence)
    },
    ownSequence: () => prepared(db, 'SELECT own_sequence FROM sync_settings WHERE id = 1').pluck().get() as number,
    setOwnSequence: (sequence) => void prepared(db, 'UPDATE sync_settings SET own_sequence = ? WHERE id = 1').run(sequence),
    outbox: (limit) =>
      (prepared(db, 'SELECT op FROM sync_outbox ORDER BY id LIMIT ?').pluck().all(limit) as string[]).map((op) => JSON.parse(op) as Op),
    dropOutbox: (count) => void prepared(db, 'DELETE FROM sync_outbox WHERE id IN (SELECT id FROM sync_outbox ORDER BY id LIMIT ?)').run(count),
    enqueue(ops) {
      const insert = prepared(db, 'INSERT INTO sync_outbox (op) VALUES (?)')
      for (const op of ops) insert.run(JSON.stringify(op))
    },
    outboxSize: () => prepared(db, 'SELECT count(*) FROM sync_outbox').pluck().get() as number,
    meta: (name) => {
      const value = prepared(db, 'SELECT value FROM sync_meta WHERE name = ?').pluck().get(name) as string | undefined
      return value === undefined ? undefined : (JSON.parse(value) as JsonValue)
    },
    setMeta(name, value) {
      prepared(db, 'INSERT INTO sync_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, JSON.stringify(value))
    },
    *dump() {
      for (const row of pagesOf<CellRow & KeyRow>(db, 'sync_cells', 'value, stamp', 256))
        yield { kind: 'cell', table: row.tbl, row: row.row_key, field: row.field, cell: { value: JSON.parse(row.value) as JsonValue, stamp: row.stamp } }
      for (const row of pagesOf<KeyRow & { state: Buffer }>(db, 'sync_texts', 'state', 16))
        yield { kind: 'text', table: row.tbl, row: row.row_key, field: row.field, state: row.state }
      for (const row of pagesOf<KeyRow & { stamp: string; value: string }>(db, 'sync_history', 'stamp, value', 256, true))
        yield { kind: 'history', entry: { table: row.tbl, row: row.row_key, field: row.field, stamp: row.stamp, value: JSON.parse(row.value) as JsonValue } }
      for (const row of pagesOf<KeyRow & { stamp: string }>(db, 'sync_superseded', 'stamp', 256, true))
        yield { kind: 'superseded', table: row.tbl, row: row.row_key, field: row.field, stamp: row.stamp }
    },
    atomically(work) {
      try {
        return db.transaction(work)()
      } catch (error) {
        docs.clear()
        throw error
      }
    },
    hash: () =>
      stateHash({
        cells: () =>
          (prepared(db, 'SELECT tbl, row_key, field, value, stamp FROM sync_cells').all() as Array<CellRow & { tbl: string; row_key: string; field: string }>).map(
            (row) => [cellKey(row.tbl, row.row_key, row.field), { value: JSON.parse(row.value) as JsonValue, stamp: row.stamp }] as [string, Cell],
          ),
        texts: () =>
          (prepared(db, 'SELECT tbl, row_key, field, state FROM sync_texts').all() as Array<{ tbl: string; row_key: string; field: string; state: Buffer }>).map(
            (row) => [cellKey(row.tbl, row.row_key, row.field), textOf(row.state)] as [string, string],
          ),
        history: () =>
          (prepared(db, 'SELECT tbl, row_key, field, stamp, value FROM sync_history').all() as Array<{ tbl: string; row_key: string; field: string; stamp: string; value: string }>).map(
            (row) => ({ table: row.tbl, row: row.row_key, field: row.field, stamp: row.stamp, value: JSON.parse(row.value) as JsonValue }),
          ),
      }),
  }
}
