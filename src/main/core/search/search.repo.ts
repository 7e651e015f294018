import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared } from '../db/table.repo'

export interface SearchRow {
  rowid: number
  kind: string
  id: string
  at: number
  snippet: string
}

/** Where the previous page of a date-ordered search ended. */
export interface DateKey {
  at: number
  rowid: number
}

const SNIPPET = `snippet(search_index, 0, char(2), char(3), '…', 16)`

/**
 * Above this many matches a word is common: walking search_docs by date from the newest and
 * keeping the matching rows reaches a page sooner than sorting every match.
 */
const COMMON_MATCHES = 2_000

const isCommon = (db: Database.Database, match: string): boolean =>
  (prepared(db, `SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH @match LIMIT ${COMMON_MATCHES})`)
    .pluck()
    .get({ match }) as number) >= COMMON_MATCHES

/** The page of a rare word: its few matches joined to search_docs and sorted. */
const RARE_PAGE = `
  SELECT d.rowid AS rowid, d.kind AS kind, d.ref_id AS id, d.at AS at
    FROM search_index JOIN search_docs AS d ON d.rowid = search_index.rowid
   WHERE search_index MATCH @match AND (d.at, d.rowid) < (@beforeAt, @beforeRowid)
   ORDER BY d.at DESC, d.rowid DESC
   LIMIT @limit`

/** The page of a common word: search_docs walked by date, the matches looked up once as a set. */
const COMMON_PAGE = `
  SELECT d.rowid AS rowid, d.kind AS kind, d.ref_id AS id, d.at AS at
    FROM search_docs AS d INDEXED BY search_docs_by_at
   WHERE d.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH @match)
     AND (d.at, d.rowid) < (@beforeAt, @beforeRowid)
   ORDER BY d.at DESC, d.rowid DESC
   LIMIT @limit`

/**
 * By the date the entry is about, newest first. The page of rowids is chosen without touching
 * the text; snippets are then made only for that page, each looked up by rowid in the same MATCH.
 */
export function searchByDate(db: Database.Database, match: string, before: DateKey | null, limit: number): SearchRow[] {
  return prepared(
    db,
    `WITH page AS (${isCommon(db, match) ? COMMON_PAGE : RARE_PAGE})
     SELECT page.rowid, page.kind, page.id, page.at, ${SNIPPET} AS snippet
       FROM page JOIN search_index ON search_index.rowid = page.rowid
      WHERE search_index MATCH @match
      ORDER BY page.at DESC, page.rowid DESC`,
  ).all({
    match,
    beforeAt: before?.at ?? Number.MAX_SAFE_INTEGER,
    beforeRowid: before?.rowid ?? Number.MAX_SAFE_INTEGER,
    limit,
  }) as SearchRow[]
}

/** Best match first: FTS5's bm25 rank, sorted inside FTS5 so snippets are made only for the page. */
export function searchByRelevance(db: Database.Database, match: string, offset: number, limit: number): SearchRow[] {
  return prepared(
    db,
    `SELECT search_index.rowid AS rowid, d.kind AS kind, d.ref_id AS id, d.at AS at, ${SNIPPET} AS snippet
       FROM search_index JOIN search_docs AS d ON d.rowid = search_index.rowid
      WHERE search_index MATCH @match
      ORDER BY search_index.rank
      LIMIT @limit OFFSET @offset`,
  ).all({ match, offset, limit }) as SearchRow[]
}
