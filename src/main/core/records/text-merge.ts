/**
 * A three-way merge of a long text: an editor's save (`ours`) was an edit of the text it loaded
 * (`base`), while the stored text (`theirs`) moved on meanwhile (a sync pass wrote another
 * computer's words into the row). Both edits are replayed on the base as Yjs edits by two
 * writers and merged, so every word either side wrote stays: what only one side changed takes
 * that side's change, and where both changed the same words both versions are kept (a sentence
 * may appear twice; none is lost). Deterministic: the same three texts always give one result.
 */
import * as Y from 'yjs'

interface Hunk {
  /** Where in the base, in UTF-16 units. */
  at: number
  remove: number
  insert: string
}

/** Above this many token pairs the changed middle is one replacement (the table would be too big). */
const MAX_TABLE = 1_000_000

const tokens = (text: string): string[] => text.match(/\s+|[^\s]+/gu) ?? []

const length = (list: readonly string[]): number => list.reduce((sum, t) => sum + t.length, 0)

/** The word-level changes that turn `before` into `after`, in order, positions in `before`. */
export function textHunks(before: string, after: string): Hunk[] {
  const a = tokens(before)
  const b = tokens(after)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const left = a.slice(start, a.length - end)
  const right = b.slice(start, b.length - end)
  const offset = length(a.slice(0, start))
  if (left.length === 0 && right.length === 0) return []
  if (left.length * right.length > MAX_TABLE) return [{ at: offset, remove: length(left), insert: right.join('') }]
  // common[i * width + j]: the longest common subsequence of left[i..] and right[j..].
  const width = right.length + 1
  const common = new Uint32Array((left.length + 1) * width)
  const cell = (i: number, j: number): number => common[i * width + j] ?? 0
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      common[i * width + j] = left[i] === right[j] ? cell(i + 1, j + 1) + 1 : Math.max(cell(i + 1, j), cell(i, j + 1))
    }
  }
  const hunks: Hunk[] = []
  let open: Hunk | null = null
  let at = offset
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    const removed = left[i] ?? ''
    if (i < left.length && j < right.length && removed === right[j]) {
      open = null
      at += removed.length
      i++
      j++
      continue
    }
    if (!open) {
      open = { at, remove: 0, insert: '' }
      hunks.push(open)
    }
    if (j < right.length && (i === left.length || cell(i, j + 1) >= cell(i + 1, j))) {
      open.insert += right[j++] ?? ''
    } else {
      open.remove += removed.length
      at += removed.length
      i++
    }
  }
  return hunks
}

/** The base document's state with `after`'s changes made on it by writer `client`, as an update. */
function editedBy(client: number, origin: Y.Doc, after: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = client
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin))
  const text = doc.getText()
  doc.transact(() => {
    // From the last change back, so each position in the base still holds.
    for (const hunk of textHunks(text.toString(), after).reverse()) {
      if (hunk.remove > 0) text.delete(hunk.at, hunk.remove)
      if (hunk.insert.length > 0) text.insert(hunk.at, hunk.insert)
    }
  })
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(origin))
}

/** `ours` (an edit of `base`) merged with `theirs` (the stored text, also descended from `base`). */
export function mergeTexts(base: string, ours: string, theirs: string): string {
  if (theirs === base || ours === theirs) return ours
  if (ours === base) return theirs
  const origin = new Y.Doc()
  origin.clientID = 1
  origin.getText().insert(0, base)
  const stored = editedBy(2, origin, theirs)
  const saved = editedBy(3, origin, ours)
  Y.applyUpdate(origin, stored)
  Y.applyUpdate(origin, saved)
  return origin.getText().toString()
}
