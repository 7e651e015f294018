import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared } from '../db/table.repo'

export interface SearchRow {
  rowid: number
  kind: string
  id: string
  at: number
  snippet: string
}

/**
 * Newest-written first, read from the FTS index in rowid order with a LIMIT: the shape that
 * stays fast for common words (no sort over every match, snippets only for the page).
 */
export function searchIndex(db: Database.Database, match: string, beforeRowid: number | null, limit: number): SearchRow[] {
  return prepared(
    db,
    `SELECT search_index.rowid AS rowid, d.kind AS kind, d.ref_id AS id, d.at AS at,
            snippet(search_index, 0, char(2), char(3), '…', 16) AS snippet
       FROM search_index JOIN search_docs AS d ON d.rowid = search_index.rowid
      WHERE search_index MATCH @match AND search_index.rowid < @before
      ORDER BY search_index.rowid DESC
      LIMIT @limit`,
  ).all({ match, before: beforeRowid ?? Number.MAX_SAFE_INTEGER, limit }) as SearchRow[]
}
