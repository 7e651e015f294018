import type { z } from 'zod'
import type { searchInput, searchResultSchema } from '../../../shared/ipc/schemas/search'
import type { ServiceContext } from '../records/entity.service'
import { toFtsQuery } from './fts-query'
import { searchIndex } from './search.repo'

type SearchResult = z.output<typeof searchResultSchema>

const decodeCursor = (cursor: string | null): number | null => {
  if (cursor === null) return null
  const value = Number(cursor)
  return Number.isSafeInteger(value) && value > 0 ? value : null
}

export function createSearchService(ctx: ServiceContext) {
  return {
    query(input: z.output<typeof searchInput>): SearchResult {
      const db = ctx.db()
      const match = toFtsQuery(input.query)
      if (match === null) return { hits: [], nextCursor: null, skipped: 0 }
      const rows = searchIndex(db, match, decodeCursor(input.cursor), input.limit)
      const last = rows.at(-1)
      return {
        hits: rows.map(({ kind, id, at, snippet }) => ({ kind, id, at, snippet }) as SearchResult['hits'][number]),
        nextCursor: rows.length === input.limit && last ? String(last.rowid) : null,
        skipped: 0,
      }
    },
  }
}
