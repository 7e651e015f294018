import type { z } from 'zod'
import type { SearchOrder, searchInput, searchResultSchema } from '../../../shared/ipc/schemas/search'
import type { ServiceContext } from '../records/entity.service'
import { toFtsQuery } from './fts-query'
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor'
import { searchByDate, searchByRelevance } from './search.repo'

type SearchResult = z.output<typeof searchResultSchema>
/** The contract's input; callers inside the core may leave the order out (by date). */
type SearchQuery = Omit<z.output<typeof searchInput>, 'order'> & { order?: SearchOrder }

export function createSearchService(ctx: ServiceContext) {
  return {
    query(input: SearchQuery): SearchResult {
      const db = ctx.db()
      const match = toFtsQuery(input.query)
      if (match === null) return { hits: [], nextCursor: null, skipped: 0 }
      const position = decodeSearchCursor(input.order ?? 'date', input.cursor)
      const rows =
        position.order === 'date'
          ? searchByDate(db, match, position.key, input.limit)
          : searchByRelevance(db, match, position.offset, input.limit)
      const last = rows.at(-1)
      return {
        hits: rows.map(({ kind, id, at, snippet }) => ({ kind, id, at, snippet }) as SearchResult['hits'][number]),
        nextCursor: rows.length === input.limit && last ? encodeSearchCursor(position, last, rows.length) : null,
        skipped: 0,
      }
    },
  }
}
