/** A device's merged state in plain maps: what the simulation runs on (the app uses sync.repo.ts). */
import * as Y from 'yjs'
import type { Stamp } from '../../../src/main/core/sync/hlc'
import { TEXT_NAME } from '../../../src/main/core/sync/merge'
import type { Cell, HistoryEntry, SyncStore } from '../../../src/main/core/sync/merge-store'
import type { JsonValue, Op } from '../../../src/main/core/sync/ops'
import { cellKey, stateHash } from '../../../src/main/core/sync/state-hash'

export interface MemoryStore extends SyncStore {
  hash(): string
  hasHistory(table: string, row: string, field: string, stamp: Stamp): boolean
  text(table: string, row: string, field: string): string
  /** The cells' values (what a check of the fields needs, without encoding every text as dump() does). */
  cellValues(): Iterable<JsonValue>
}

const splitKey = (key: string): { table: string; row: string; field: string } => {
  const [table = '', row = '', field = ''] = key.split('\u0000')
  return { table, row, field }
}

export function createMemoryStore(yjsClientId: number): MemoryStore {
  const cells = new Map<string, Cell>()
  const docs = new Map<string, Y.Doc>()
  const superseded = new Set<string>()
  const history = new Map<string, HistoryEntry>()
  const applied = new Map<string, number>()
  const meta = new Map<string, string>()
  let own = 0
  let outbox: Op[] = []

  return {
    cell: (t, r, f) => cells.get(cellKey(t, r, f)),
    putCell: (t, r, f, cell) => void cells.set(cellKey(t, r, f), cell),
    textDoc(t, r, f) {
      const key = cellKey(t, r, f)
      let doc = docs.get(key)
      if (!doc) {
        doc = new Y.Doc({ guid: key })
        doc.clientID = yjsClientId
        docs.set(key, doc)
      }
      return doc
    },
    textChanged: () => undefined,
    isSuperseded: (t, r, f, stamp) => superseded.has(`${cellKey(t, r, f)}\u0000${stamp}`),
    supersede(t, r, f, stamp) {
      const key = `${cellKey(t, r, f)}\u0000${stamp}`
      superseded.add(key)
      history.delete(key)
    },
    addHistory: (entry) => void history.set(`${cellKey(entry.table, entry.row, entry.field)}\u0000${entry.stamp}`, entry),
    hasHistory: (t, r, f, stamp) => history.has(`${cellKey(t, r, f)}\u0000${stamp}`),
    cellValues: () => [...cells.values()].map((cell) => cell.value),
    text: (t, r, f) => docs.get(cellKey(t, r, f))?.getText(TEXT_NAME).toString() ?? '',
    appliedSequence: (device) => applied.get(device) ?? 0,
    setAppliedSequence: (device, sequence) => void applied.set(device, sequence),
    ownSequence: () => own,
    setOwnSequence: (sequence) => void (own = sequence),
    outbox: (limit) => outbox.slice(0, limit),
    dropOutbox: (count) => void (outbox = outbox.slice(count)),
    enqueue: (ops) => void outbox.push(...ops),
    meta: (name) => (meta.has(name) ? (JSON.parse(meta.get(name) as string) as JsonValue) : undefined),
    setMeta: (name, value) => void meta.set(name, JSON.stringify(value)),
    *dump() {
      for (const [key, cell] of cells) yield { kind: 'cell', ...splitKey(key), cell }
      for (const [key, doc] of docs) yield { kind: 'text', ...splitKey(key), state: Y.encodeStateAsUpdate(doc) }
      for (const entry of history.values()) yield { kind: 'history', entry }
      for (const entry of superseded) {
        const at = entry.lastIndexOf('\u0000')
        yield { kind: 'superseded', ...splitKey(entry.slice(0, at)), stamp: entry.slice(at + 1) }
      }
    },
    atomically: (work) => work(),
    hash: () =>
      stateHash({
        cells: () => cells.entries(),
        texts: () => [...docs.entries()].map(([key, doc]) => [key, doc.getText(TEXT_NAME).toString()] as [string, string]),
        history: () => history.values(),
      }),
  }
}
