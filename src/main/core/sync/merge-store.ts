/**
 * What the merge needs from wherever the merged state lives: the vault's sync tables in the app
 * (sync.repo.ts), plain maps in the simulation. Row keys and fields are opaque strings here.
 */
import type * as Y from 'yjs'
import type { Stamp } from './hlc'
import type { JsonValue, Op } from './ops'

/** One field's current value and the stamp of the write that set it. */
export interface Cell {
  value: JsonValue
  stamp: Stamp
}

/** A value that lost to a concurrent write, kept so that nothing the person wrote is dropped. */
export interface HistoryEntry {
  table: string
  row: string
  field: string
  stamp: Stamp
  value: JsonValue
}

/** One piece of the merged state, for a snapshot (compaction.ts). */
export type StateEntry =
  | { kind: 'cell'; table: string; row: string; field: string; cell: Cell }
  | { kind: 'text'; table: string; row: string; field: string; state: Uint8Array }
  | { kind: 'history'; entry: HistoryEntry }
  | { kind: 'superseded'; table: string; row: string; field: string; stamp: Stamp }

export interface MergeStore {
  cell(table: string, row: string, field: string): Cell | undefined
  putCell(table: string, row: string, field: string, cell: Cell): void
  /** The field's CRDT document, created empty (with this device's Yjs client id) when new. */
  textDoc(table: string, row: string, field: string): Y.Doc
  /** The document changed (`local`: by this device's own edit, not another computer's words): persist it. */
  textChanged(table: string, row: string, field: string, doc: Y.Doc, local?: boolean): void
  /** Whether some write replaced this stamp knowingly (its writer had seen it). */
  isSuperseded(table: string, row: string, field: string, stamp: Stamp): boolean
  /** Records a knowing replacement; a history entry for that stamp is no longer needed. */
  supersede(table: string, row: string, field: string, stamp: Stamp): void
  addHistory(entry: HistoryEntry): void
  /**
   * Everything merged, read lazily in this order: cells, texts, history, superseded stamps (the
   * stamp that removes a history entry is read after the entries). Writes between two entries
   * are allowed: an entry is read as it is when its turn comes.
   */
  dump(): Iterable<StateEntry>
}

/** Where a device's progress lives: applied sequences, its own sequence, unsent operations. */
export interface ProgressStore {
  appliedSequence(device: string): number
  setAppliedSequence(device: string, sequence: number): void
  ownSequence(): number
  setOwnSequence(sequence: number): void
  outbox(limit: number): Op[]
  dropOutbox(count: number): void
  enqueue(ops: Op[]): void
  /** A small named JSON value kept for compaction (acknowledgements, presence); see compaction.ts. */
  meta(name: string): JsonValue | undefined
  setMeta(name: string, value: JsonValue): void
  /** Runs the work atomically (one database transaction in the app). */
  atomically<T>(work: () => T): T
}

export type SyncStore = MergeStore & ProgressStore
