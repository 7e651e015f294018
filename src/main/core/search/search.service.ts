import type Database from 'better-sqlite3-multiple-ciphers'
import type { z } from 'zod'
import type { SearchOrder, searchInput, searchResultSchema } from '../../../shared/ipc/schemas/search'
import type { ServiceContext } from '../records/entity.service'
import { toFtsQuery } from './fts-query'
import { decodeSearchCursor, encodeSearchCursor, type SearchPosition } from './search-cursor'
import { bestMatchWindow, indexedTermsStartingWith, searchByDate, searchByRelevance, type SearchRow } from './search.repo'

type SearchResult = z.output<typeof searchResultSchema>
/** The contract's input; callers inside the core may leave the order out (by date). */
type SearchQuery = Omit<z.output<typeof searchInput>, 'order'> & { order?: SearchOrder }

/**
 * Best match ranks the newest this many matches (whole days: a few more at the edge); a query
 * with more lists the older ones after them, by date.
 */
export const BEST_MATCH_WINDOW = 200

interface Page {
  rows: SearchRow[]
  /** Where the next page starts, when this one is full. */
  next: SearchPosition
}

/** Best match: the ranked window from `offset`, then, once it runs out, the older matches by date. */
function bestMatchPage(db: Database.Database, match: string, position: Exclude<SearchPosition, { order: 'date' }>, limit: number, window: number): Page {
  if ('below' in position) return { rows: searchByDate(db, match, position.key, limit, position.below), next: position }
  const first = bestMatchWindow(db, match, window)
  const ranked = searchByRelevance(db, match, first, position.offset, limit)
  if (ranked.length === limit || first < 0) return { rows: ranked, next: { order: 'relevance', offset: position.offset + limit } }
  const older = searchByDate(db, match, null, limit - ranked.length, first)
  return { rows: [...ranked, ...older], next: older.length > 0 ? { order: 'relevance', below: first, key: null } : { order: 'relevance', offset: position.offset + limit } }
}

/** One page of hits and the cursor after it (null on the last page). */
export function searchPage(db: Database.Database, input: SearchQuery, window = BEST_MATCH_WINDOW): SearchResult {
  const match = toFtsQuery(input.query, (word) => indexedTermsStartingWith(db, word))
  if (match === null) return { hits: [], nextCursor: null, skipped: 0 }
  const position = decodeSearchCursor(input.order ?? 'date', input.cursor)
  const { rows, next } =
    position.order === 'date'
      ? { rows: searchByDate(db, match, position.key, input.limit), next: position }
      : bestMatchPage(db, match, position, input.limit, window)
  const last = rows.at(-1)
  return {
    hits: rows.map(({ kind, id, at, snippet }) => ({ kind, id, at, snippet }) as SearchResult['hits'][number]),
    nextCursor: rows.length === input.limit && last ? encodeSearchCursor(next, last) : null,
    skipped: 0,
  }
}

export function createSearchService(ctx: ServiceContext) {
  return {
    query: (input: SearchQuery): SearchResult => searchPage(ctx.db(), input),
  }
}
