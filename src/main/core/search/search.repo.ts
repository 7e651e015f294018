import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared } from '../db/table.repo'
import { SEARCH_DAY_SLOTS, searchDayBase } from '../db/migrations/0090-search-title-and-date-rowids'

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

/** The index's columns are (body, title): -1 lets FTS5 take the snippet from the one that matched best. */
const SNIPPET = `snippet(search_index, -1, char(2), char(3), '…', 16)`

/*
 * Rowid bounds are always CASTs: a bound FTS5 receives as a REAL (better-sqlite3 binds numbers
 * as doubles) is not used to seek, and the whole list of the word's matches is read instead.
 */

/** Rowids below this hold only entries on or before the day of @beforeAt, and below @below. */
const BELOW = `min(${searchDayBase('@beforeAt')} + ${SEARCH_DAY_SLOTS}, CAST(@below AS INTEGER))`
const AFTER_CURSOR = '(d.at, d.rowid) < (@beforeAt, @beforeRowid)'

/** The first rowid of the day of the oldest of the newest @limit matches (-1: fewer matches). */
const EDGE = `
  SELECT CASE WHEN count(*) < @limit THEN -1 ELSE min(rowid) / ${SEARCH_DAY_SLOTS} * ${SEARCH_DAY_SLOTS} END
    FROM (SELECT search_index.rowid AS rowid
            FROM search_index JOIN search_docs AS d ON d.rowid = search_index.rowid
           WHERE search_index MATCH @match AND search_index.rowid < ${BELOW} AND ${AFTER_CURSOR}
           ORDER BY search_index.rowid DESC
           LIMIT @limit)`

/**
 * A page by date: every match from the first rowid of the edge's day up, sorted by `at` (a day's
 * entries are in the order they were written, not by time). That range is the page and the rest
 * of one day, so the snippets are made in the same pass: looking each hit up again by rowid would
 * set the whole query up again per hit.
 */
const BY_DATE = `
  SELECT d.rowid AS rowid, d.kind AS kind, d.ref_id AS id, d.at AS at, ${SNIPPET} AS snippet
    FROM search_index JOIN search_docs AS d ON d.rowid = search_index.rowid
   WHERE search_index MATCH @match AND search_index.rowid >= CAST(@first AS INTEGER) AND search_index.rowid < ${BELOW} AND ${AFTER_CURSOR}
   ORDER BY d.at DESC, d.rowid DESC
   LIMIT @limit`

/**
 * By the date the entry is about, newest first, after `before` and below rowid `below`. Rowids
 * follow the day (0090), so FTS5 reads the matches from the newest day down and stops after a
 * page (EDGE) instead of collecting and sorting every match.
 */
export function searchByDate(db: Database.Database, match: string, before: DateKey | null, limit: number, below = Number.MAX_SAFE_INTEGER): SearchRow[] {
  const params = { match, beforeAt: before?.at ?? Number.MAX_SAFE_INTEGER, beforeRowid: before?.rowid ?? Number.MAX_SAFE_INTEGER, below, limit }
  const first = prepared(db, EDGE).pluck().get(params) as number
  return prepared(db, BY_DATE).all({ ...params, first }) as SearchRow[]
}

/** The newest matches best match ranks: the day of the oldest of them starts the window. */
export function bestMatchWindow(db: Database.Database, match: string, size: number): number {
  return prepared(db, EDGE).pluck().get({ match, beforeAt: Number.MAX_SAFE_INTEGER, beforeRowid: Number.MAX_SAFE_INTEGER, below: Number.MAX_SAFE_INTEGER, limit: size }) as number
}

/** Marks FTS5 puts before each match in a column: their count is how often the query matched there. */
const matchesIn = (column: number, text: string) => `(length(highlight(search_index, ${column}, char(2), '')) - length(${text}))`

/**
 * Best match within the window (rowids from @first up): the Okapi BM25 shape over the window,
 * a match in the title counting five times one in the body, shorter entries ahead of longer ones
 * with as many matches. Not FTS5's bm25(): that first counts every entry holding each word, which
 * for a common word is the whole cost (tens of milliseconds at 200,000 entries).
 */
const BY_RELEVANCE = `
  WITH window AS (
    SELECT search_index.rowid AS rowid,
           5.0 * ${matchesIn(1, 'search_index.title')} + ${matchesIn(0, 'search_index.body')} AS hits,
           length(search_index.title) + length(search_index.body) AS size
      FROM search_index
     WHERE search_index MATCH @match AND search_index.rowid >= CAST(@first AS INTEGER)
  ), scored AS (
    SELECT rowid, hits * 2.2 / (hits + 1.2 * (0.25 + 0.75 * size / max(avg(size) OVER (), 1))) AS score FROM window
  ), page AS (
    SELECT rowid, score FROM scored ORDER BY score DESC, rowid DESC LIMIT @limit OFFSET @offset
  )
  SELECT d.rowid AS rowid, d.kind AS kind, d.ref_id AS id, d.at AS at, ${SNIPPET} AS snippet
    FROM search_index JOIN page ON page.rowid = search_index.rowid JOIN search_docs AS d ON d.rowid = search_index.rowid
   WHERE search_index MATCH @match AND search_index.rowid >= CAST(@first AS INTEGER)
   ORDER BY page.score DESC, page.rowid DESC`

export function searchByRelevance(db: Database.Database, match: string, first: number, offset: number, limit: number): SearchRow[] {
  return prepared(db, BY_RELEVANCE).all({ match, first, offset, limit }) as SearchRow[]
}

/** The longest prefix FTS5 has an index for (migration 0030). */
const INDEXED_PREFIX = 4
/** More words than this for one prefix: let FTS5 merge them. */
const MOST_TERMS = 16

/**
 * Every occurrence of every indexed word, in word order (fts5vocab 'instance'), in the
 * connection's temp schema (memory only: it holds no data of its own and nothing reaches disk).
 * 0090's search_terms ('row') counts every entry holding a word before it lists the word, which
 * for a word in most entries is 10–30 ms; the first occurrence of the first word from a bound is
 * one seek per index segment.
 */
const TERM_INSTANCES = 'temp.search_term_instances'
const withTermInstances = new WeakSet<Database.Database>()

/**
 * The distinct words in [@from, @to), one seek each: the next word after `found.term` is the
 * first occurrence from `found.term` (the tokenizer keeps no control characters, so
 * nothing sorts between; a plain `>` would step through every occurrence of `found.term`).
 */
const WORDS_IN_RANGE = `
  WITH RECURSIVE found(term) AS (
    SELECT (SELECT term FROM ${TERM_INSTANCES} WHERE term >= @from AND term < @to LIMIT 1)
    UNION ALL
    SELECT (SELECT term FROM ${TERM_INSTANCES} WHERE term >= found.term || char(1) AND term < @to LIMIT 1)
      FROM found WHERE found.term IS NOT NULL
     LIMIT ${MOST_TERMS + 1}
  )
  SELECT term FROM found WHERE term IS NOT NULL`

/**
 * The indexed words that start with a typed word longer than the prefix indexes. Only for plain
 * lower-case letters and digits, which the tokenizer keeps as they are; anything else (accents,
 * other scripts) is left to FTS5's own prefix query.
 */
export function indexedTermsStartingWith(db: Database.Database, word: string): string[] | null {
  const lower = word.toLowerCase()
  if (lower.length <= INDEXED_PREFIX || !/^[a-z0-9]+$/.test(lower)) return null
  if (!withTermInstances.has(db)) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${TERM_INSTANCES} USING fts5vocab(main, search_index, instance)`)
    withTermInstances.add(db)
  }
  const terms = prepared(db, WORDS_IN_RANGE)
    .pluck()
    .all({ from: lower, to: `${lower}\u{10FFFF}` }) as string[]
  return terms.length > MOST_TERMS ? null : terms
}
