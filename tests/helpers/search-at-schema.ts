import type Database from 'better-sqlite3-multiple-ciphers'
import { toFtsQuery } from '../../src/main/core/search/fts-query'

/**
 * "kind:id" of every match, straight from the index as any schema version has it (the search
 * service follows the latest one): by date, newest first, or by FTS5's own rank.
 */
export function matchesAtSchema(db: Database.Database, typed: string, order: 'date' | 'relevance' = 'date'): string[] {
  return db
    .prepare(
      `SELECT d.kind || ':' || d.ref_id FROM search_index JOIN search_docs AS d ON d.rowid = search_index.rowid
        WHERE search_index MATCH ? ORDER BY ${order === 'date' ? 'd.at DESC, d.rowid DESC' : 'search_index.rank'}`,
    )
    .pluck()
    .all(toFtsQuery(typed)) as string[]
}
