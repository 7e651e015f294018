import type { SearchOrder } from '../../../shared/ipc/schemas/search'
import type { DateKey } from './search.repo'

/*
 * The opaque cursor of search.query. By date: "d:<at>:<rowid>" of the last hit shown (keyset, so
 * a page stays right while entries are written). Best match: "r:<offset>" within the ranked
 * window (scores have no stable key), then "t:<below>[:<at>:<rowid>]" through the older matches
 * by date, below the window's first rowid. A cursor from the other order, or one that does not
 * parse, starts from the top.
 */

export type SearchPosition =
  | { order: 'date'; key: DateKey | null }
  | { order: 'relevance'; offset: number }
  | { order: 'relevance'; below: number; key: DateKey | null }

const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0

/** "<at>:<rowid>", or nothing for the top; undefined when it does not parse. */
function dateKey(parts: string[]): DateKey | null | undefined {
  if (parts.length === 0) return null
  const [at, rowid] = parts.map(Number) as [number, number]
  return parts.length === 2 && Number.isSafeInteger(at) && isCount(rowid) ? { at, rowid } : undefined
}

export function decodeSearchCursor(order: SearchOrder, cursor: string | null): SearchPosition {
  const [tag, ...rest] = cursor?.split(':') ?? []
  if (order === 'date') {
    const key = tag === 'd' && rest.length === 2 ? dateKey(rest) : undefined
    return { order, key: key ?? null }
  }
  const [first, ...keyParts] = rest
  const count = Number(first)
  if (tag === 't' && isCount(count)) {
    const key = dateKey(keyParts)
    if (key !== undefined) return { order, below: count, key }
  }
  return { order, offset: tag === 'r' && rest.length === 1 && isCount(count) ? count : 0 }
}

export function encodeSearchCursor(position: SearchPosition, last: DateKey): string {
  if (position.order === 'date') return `d:${last.at}:${last.rowid}`
  return 'below' in position ? `t:${position.below}:${last.at}:${last.rowid}` : `r:${position.offset}`
}
