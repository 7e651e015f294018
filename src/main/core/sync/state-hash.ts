/**
 * One hash over a device's merged state: every cell (value and stamp), every text, every
 * history entry, in a canonical order. Two devices that applied the same operations agree.
 */
import { createHash } from 'node:crypto'
import type { Cell, HistoryEntry } from './merge-store'

export interface StateView {
  cells(): Iterable<[key: string, cell: Cell]>
  texts(): Iterable<[key: string, text: string]>
  history(): Iterable<HistoryEntry>
}

export const cellKey = (table: string, row: string, field: string): string => `${table}\u0000${row}\u0000${field}`

export function stateHash(view: StateView): string {
  const lines: string[] = []
  for (const [key, cell] of view.cells()) lines.push(`c\u0001${key}\u0001${cell.stamp}\u0001${JSON.stringify(cell.value)}`)
  for (const [key, text] of view.texts()) if (text !== '') lines.push(`t\u0001${key}\u0001${text}`)
  for (const h of view.history()) {
    lines.push(`h\u0001${cellKey(h.table, h.row, h.field)}\u0001${h.stamp}\u0001${JSON.stringify(h.value)}`)
  }
  lines.sort()
  const hash = createHash('sha256')
  for (const line of lines) hash.update(line).update('\n')
  return hash.digest('hex')
}
