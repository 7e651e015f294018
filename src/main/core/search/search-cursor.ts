import type { SearchOrder } from '../../../shared/ipc/schemas/search'
import type { DateKey } from './search.repo'

/*
 * The opaque cursor of search.query. By date: "d:<at>:<rowid>" of the last hit shown (keyset, so
 * a page stays right while entries are written). By relevance: "r:<offset>" (bm25 ranks have no
 * stable key). A cursor from the other order, or one that does not parse, starts from the top.
 */

export type SearchPosition = { order: 'date'; key: DateKey | null } | { order: 'relevance'; offset: number }

const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0

export function decodeSearchCursor(order: SearchOrder, cursor: string | null): SearchPosition {
  const parts = cursor?.split(':') ?? []
  if (order === 'relevance') {
    const offset = Number(parts[1])
    return { order, offset: parts.length === 2 && parts[0] === 'r' && isCount(offset) ? offset : 0 }
  }
  const at = Number(parts[1])
  const rowid = Number(parts[2])
  const valid = parts.length === 3 && parts[0] === 'd' && Number.isSafeInteger(at) && isCount(rowid)
  return { order: 'date', key: valid ? { at, rowid } : null }
}

export function encodeSearchCursor(position: SearchPosition, last: { at: number; rowid: number }, shown: number): string {
  return position.order === 'date' ? `d:${last.at}:${last.rowid}` : `r:${position.offset + shown}`
}
