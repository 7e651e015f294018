/**
 * Paging through search results, as a property: whatever the dates (ties on `at`, several on a
 * day, dates moved after writing), the page size and, for best match, the size of the ranked
 * window, the pages hold every match exactly once, in the order each search states.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/core/db/migrate'
import { insertRow } from '../../../src/main/core/db/table.repo'
import { newId } from '../../../src/main/core/ids'
import { reflectionsTable } from '../../../src/main/core/reflections/reflections.repo'
import { SEARCH_DAY_SLOTS } from '../../../src/main/core/db/migrations/0090-search-title-and-date-rowids'
import { searchPage } from '../../../src/main/core/search/search.service'
import type { SearchOrder } from '../../../src/shared/ipc/schemas/search'

const DAY = 86_400_000
const START = Date.UTC(2024, 0, 1)

const entry = fc.record({
  day: fc.integer({ min: 0, max: 4 }),
  // Few distinct times, so many entries share their `at` exactly.
  time: fc.constantFrom(0, 0, 3_600_000, 3_600_000, 43_200_000, DAY - 1),
  matches: fc.boolean(),
  repeats: fc.integer({ min: 1, max: 3 }),
  filler: fc.integer({ min: 0, max: 12 }),
  // Some entries are moved to another date after they were written.
  movedBy: fc.option(fc.integer({ min: -3, max: 3 }).map((days) => days * DAY), { freq: 4 }),
})

type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never

function vaultWith(entries: Entry[]) {
  const db = new Database(':memory:')
  migrate(db)
  db.transaction(() => {
    entries.forEach((e, i) => {
      const at = START + e.day * DAY + e.time
      const words = [...Array(e.repeats).fill(e.matches ? 'tide' : 'sand'), ...Array(e.filler).fill('pebble')]
      insertRow(db, reflectionsTable, { id: newId(START + i), body: words.join(' '), mood: null, sessionId: null, bringToSession: false, createdAt: at, updatedAt: at })
    })
    entries.forEach((e, i) => {
      if (e.movedBy !== null) db.prepare('UPDATE reflections SET created_at = created_at + ? WHERE id = ?').run(e.movedBy, newId(START + i))
    })
  })()
  return db
}

function allPages(db: Database.Database, order: SearchOrder, limit: number, window: number) {
  const hits: Array<{ id: string; at: number }> = []
  let cursor: string | null = null
  for (let page = 0; page < 500; page++) {
    const result = searchPage(db, { query: 'tide', limit, cursor, order }, window)
    hits.push(...result.hits.map(({ id, at }) => ({ id, at })))
    cursor = result.nextCursor
    if (cursor === null) return hits
  }
  throw new Error('paging did not end')
}

/** The matches as the date order states it: newest first, ties by rowid, newest rowid first. */
const byDate = (db: Database.Database, belowRowid = Number.MAX_SAFE_INTEGER) =>
  db
    .prepare(
      `SELECT d.ref_id FROM search_docs AS d JOIN reflections AS r ON r.id = d.ref_id
        WHERE r.body LIKE '%tide%' AND d.rowid < ? ORDER BY d.at DESC, d.rowid DESC`,
    )
    .pluck()
    .all(belowRowid) as string[]

const entries = fc.array(entry, { minLength: 0, maxLength: 40 })

describe('paging through search results', () => {
  it('by date: every match once, newest first, ties on `at` in a stable order', () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 1, max: 7 }), (list, limit) => {
        const db = vaultWith(list)
        const hits = allPages(db, 'date', limit, 200)
        expect(hits.map((h) => h.id)).toEqual(byDate(db))
        db.close()
      }),
      { numRuns: 60 },
    )
  })

  it('best match: every match once, the ranked window first, then the older matches by date', () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 12 }), (list, limit, window) => {
        const db = vaultWith(list)
        const ids = allPages(db, 'relevance', limit, window).map((h) => h.id)
        const all = byDate(db)
        expect([...ids].sort()).toEqual([...all].sort())
        // The window: the newest `window` matches by rowid, widened to the whole of its oldest day.
        const rowids = db.prepare('SELECT rowid FROM search_docs WHERE ref_id = ?').pluck()
        const newest = all.map((id) => rowids.get(id) as number).sort((a, b) => b - a)
        const edge = newest.length >= window ? Math.floor((newest[window - 1] as number) / SEARCH_DAY_SLOTS) * SEARCH_DAY_SLOTS : Number.MIN_SAFE_INTEGER
        const ranked = all.filter((id) => (rowids.get(id) as number) >= edge)
        expect([...ids.slice(0, ranked.length)].sort()).toEqual([...ranked].sort())
        expect(ids.slice(ranked.length)).toEqual(byDate(db, edge))
        db.close()
      }),
      { numRuns: 60 },
    )
  })
})
