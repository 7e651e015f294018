/**
 * Turning this device's own changes into operations: each is applied to the merged state at
 * once (so the device never waits for itself) and queued for its next sealed file.
 */
import * as Y from 'yjs'
import type { Hlc } from './hlc'
import { applyOp, TEXT_NAME, updateChanged } from './merge'
import type { MergeStore } from './merge-store'
import { DELETED_FIELD, type JsonValue, type SetOp, type TextOp } from './ops'

/**
 * A new value for a field. It knowingly replaces the field's current merged value (`p`, so that
 * value is not kept as history) unless `unseen`: the person never saw the current value (it
 * arrived from another computer and was not yet in the table when they wrote).
 */
export function localSet(store: MergeStore, hlc: Hlc, table: string, row: string, field: string, value: JsonValue, unseen = false): SetOp {
  const op: SetOp = { k: 's', t: table, r: row, f: field, v: value, s: hlc.next(), p: unseen ? null : (store.cell(table, row, field)?.stamp ?? null) }
  applyOp(store, op)
  return op
}

export const localDelete = (store: MergeStore, hlc: Hlc, table: string, row: string): SetOp =>
  localSet(store, hlc, table, row, DELETED_FIELD, true)

/** The smallest single replacement that turns `before` into `after` (common prefix and suffix kept). */
export function textDiff(before: string, after: string): { at: number; remove: number; insert: string } {
  let start = 0
  const limit = Math.min(before.length, after.length)
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (
    end < limit - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++
  }
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--
  return { at: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) }
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** Edits the document's text into `after` by the smallest single replacement. */
function editText(doc: Y.Doc, after: string): void {
  const text = doc.getText(TEXT_NAME)
  const { at, remove, insert } = textDiff(text.toString(), after)
  doc.transact(() => {
    if (remove > 0) text.delete(at, remove)
    if (insert.length > 0) text.insert(at, insert)
  })
}

/**
 * Records a new text for a long field as a CRDT edit; null when unchanged. The edit is made on
 * `seen`, the document the person edited (what the row held) when that is not this device's
 * merged one, and then merged into it: words the person never saw are kept, not replaced.
 * `seen` needs a writer id of its own (the merged document takes the edit as a remote update).
 */
export function localText(store: MergeStore, hlc: Hlc, table: string, row: string, field: string, after: string, seen?: Y.Doc): TextOp | null {
  const doc = store.textDoc(table, row, field)
  const edited = seen ?? doc
  const text = edited.getText(TEXT_NAME)
  const before = text.toString()
  if (before === after) return null
  const vector = Y.encodeStateVector(edited)
  editText(edited, after)
  const update = Y.encodeStateAsUpdate(edited, vector)
  if (seen) Y.applyUpdate(doc, update)
  store.textChanged(table, row, field, doc, true)
  return { k: 't', t: table, r: row, f: field, u: Buffer.from(update).toString('base64'), s: hlc.next() }
}

/**
 * A joining computer's long text (joining.ts): the person's edit since the vault was last in
 * sync is made on `kept`, the document then, and everything `kept` holds that the merged
 * document lacks (that edit, words never taken by the others) is merged in; words both already
 * hold are not inserted again. Null when the merged document gains nothing.
 */
export function joinedText(store: MergeStore, hlc: Hlc, table: string, row: string, field: string, after: string, kept: Y.Doc): TextOp | null {
  const doc = store.textDoc(table, row, field)
  if (kept.getText(TEXT_NAME).toString() !== after) editText(kept, after)
  const update = Y.encodeStateAsUpdate(kept, Y.encodeStateVector(doc))
  if (!updateChanged(doc, update)) return null
  store.textChanged(table, row, field, doc, true)
  return { k: 't', t: table, r: row, f: field, u: Buffer.from(update).toString('base64'), s: hlc.next() }
}
