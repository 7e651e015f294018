/**
 * Operations: every change to a synced row, as it travels inside a sealed file.
 *
 * `set` is one field's new value, last-writer-wins by stamp; `prev` is the stamp of the value
 * the writer replaced (null for a field it had never seen), which tells a knowing overwrite
 * from a concurrent one. A deletion is `set` of the DELETED field to true (a tombstone). `text`
 * carries a Yjs update for a long text field, merged by the CRDT rather than by stamp. `history`
 * keeps a value in the field's history without setting it.
 */
import { isStamp, type Stamp } from './hlc'

export const DELETED_FIELD = '$deleted'

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export interface SetOp {
  k: 's'
  /** Table, row key (JSON array of the key columns), field (column). */
  t: string
  r: string
  f: string
  v: JsonValue
  s: Stamp
  p: Stamp | null
}

export interface TextOp {
  k: 't'
  t: string
  r: string
  f: string
  /** A Yjs update, base64. */
  u: string
  s: Stamp
}

/**
 * A value kept as history of a field without competing for it: a diary day's ratings when two
 * computers created the same day and one row was folded into the other (unique-clash.ts).
 * `s` is the stamp of the write that set the value on the folded row.
 */
export interface HistoryOp {
  k: 'h'
  t: string
  r: string
  f: string
  v: JsonValue
  s: Stamp
}

export type Op = SetOp | TextOp | HistoryOp

const MAX_NAME = 64
const MAX_ROW = 1024
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME
const isRow = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_ROW

function isJsonValue(v: unknown, depth = 0): v is JsonValue {
  if (depth > 32) return false
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true
  if (typeof v === 'number') return Number.isFinite(v)
  if (Array.isArray(v)) return v.every((item) => isJsonValue(item, depth + 1))
  if (typeof v === 'object') return Object.values(v).every((item) => isJsonValue(item, depth + 1))
  return false
}

const keysAre = (o: object, count: number): boolean => Object.keys(o).length === count

export function isOp(v: unknown): v is Op {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  if (!isName(o.t) || !isRow(o.r) || !isName(o.f) || !isStamp(o.s)) return false
  if (o.k === 's') return keysAre(o, 7) && (o.p === null || isStamp(o.p)) && isJsonValue(o.v)
  if (o.k === 'h') return keysAre(o, 6) && isJsonValue(o.v)
  return o.k === 't' && keysAre(o, 6) && typeof o.u === 'string'
}

/**
 * The operations in a decrypted file, or null when it is not exactly a batch of well-formed
 * operations (beside them, a file may carry the sender's acknowledgements, compaction.ts). Checked by hand rather than with zod: it runs for every operation received.
 */
export function parseOpBatch(value: unknown): Op[] | null {
  if (typeof value !== 'object' || value === null) return null
  if (!(keysAre(value, 1) || (keysAre(value, 2) && 'acks' in value))) return null
  const ops = (value as { ops?: unknown }).ops
  return Array.isArray(ops) && ops.every(isOp) ? (ops as Op[]) : null
}
