/**
 * Applying one operation to the merged state. Commutative, associative and idempotent: every
 * device that applies the same set of operations, in any order and any number of times, ends
 * with the same cells, texts and history.
 *
 * Fields: the greater stamp wins. The losing value goes to history unless some write replaced
 * it knowingly (named its stamp as `prev`), which is an ordinary later edit, not a conflict.
 * Whether a value is in history depends only on the set of operations, never on their order.
 * Texts: the Yjs update is applied to the field's document; both sides' words are kept.
 */
import * as Y from 'yjs'
import type { MergeStore } from './merge-store'
import type { HistoryOp, Op, SetOp, TextOp } from './ops'

export const TEXT_NAME = 't'

function applySet(store: MergeStore, op: SetOp): boolean {
  const { t, r, f } = op
  const current = store.cell(t, r, f)
  if (current?.stamp === op.s) return false
  if (op.p !== null) store.supersede(t, r, f, op.p)
  if (!current || op.s > current.stamp) {
    if (current && !store.isSuperseded(t, r, f, current.stamp)) {
      store.addHistory({ table: t, row: r, field: f, stamp: current.stamp, value: current.value })
    }
    store.putCell(t, r, f, { value: op.v, stamp: op.s })
    return true
  }
  if (!store.isSuperseded(t, r, f, op.s)) store.addHistory({ table: t, row: r, field: f, stamp: op.s, value: op.v })
  return false
}

/** Applies a Yjs update to the document; true when it added or deleted something. */
export function updateChanged(doc: Y.Doc, update: Uint8Array): boolean {
  // The test Yjs makes before it emits 'update' (the transaction deleted something or moved a
  // writer's clock), asked of the transaction itself: listening to 'update' would have Yjs encode
  // every applied update again just to say so. No need to compare the whole text before and
  // after either (which made long texts quadratic to apply).
  let changed = false
  const noteChange = (transaction: Y.Transaction): void => {
    changed ||= transaction.deleteSet.clients.size > 0 || [...transaction.afterState].some(([client, clock]) => transaction.beforeState.get(client) !== clock)
  }
  doc.on('afterTransactionCleanup', noteChange)
  try {
    Y.applyUpdate(doc, update)
  } finally {
    doc.off('afterTransactionCleanup', noteChange)
  }
  return changed
}

function applyText(store: MergeStore, op: TextOp): boolean {
  const doc = store.textDoc(op.t, op.r, op.f)
  const changed = updateChanged(doc, Buffer.from(op.u, 'base64'))
  if (changed) store.textChanged(op.t, op.r, op.f, doc)
  return changed
}

function applyHistory(store: MergeStore, op: HistoryOp): boolean {
  if (store.isSuperseded(op.t, op.r, op.f, op.s) || store.cell(op.t, op.r, op.f)?.stamp === op.s) return false
  store.addHistory({ table: op.t, row: op.r, field: op.f, stamp: op.s, value: op.v })
  return true
}

/** Applies one operation; true when the merged state changed. */
export function applyOp(store: MergeStore, op: Op): boolean {
  if (op.k === 's') return applySet(store, op)
  return op.k === 't' ? applyText(store, op) : applyHistory(store, op)
}
