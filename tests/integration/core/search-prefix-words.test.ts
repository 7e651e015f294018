/**
 * A typed word longer than the prefix indexes is spelled out as the indexed words it starts,
 * read one seek per word. As a property over random words (many sharing long prefixes, some
 * entries edited or deleted afterwards): the words listed are exactly those the index's
 * vocabulary counts (0090's search_terms), and the search finds exactly what FTS5's own prefix
 * query finds.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/core/db/migrate'
import { insertRow } from '../../../src/main/core/db/table.repo'
import { newId } from '../../../src/main/core/ids'
import { reflectionsTable } from '../../../src/main/core/reflections/reflections.repo'
import { indexedTermsStartingWith } from '../../../src/main/core/search/search.repo'
import { searchPage } from '../../../src/main/core/search/search.service'

const START = Date.UTC(2024, 0, 1)
const HOUR = 3_600_000

/** "aaaa" and 3 to 5 letters a or b: "aaaaa" stands for up to 28 words, more than are spelled out. */
const word = fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 3, maxLength: 5 }).map((tail) => `aaaa${tail}`)
const entry = fc.record({
  title: fc.array(word, { maxLength: 2 }),
  body: fc.array(word, { minLength: 1, maxLength: 12 }),
  change: fc.constantFrom('keep', 'keep', 'edit', 'delete'),
  edited: fc.array(word, { maxLength: 3 }),
})
type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never

function vaultWith(entries: Entry[]) {
  const db = new Database(':memory:')
  migrate(db)
  db.transaction(() => {
    entries.forEach((e, i) => {
      const at = START + i * HOUR
      const body = e.title.length > 0 ? `${e.title.join(' ')}\n${e.body.join(' ')}` : e.body.join(' ')
      insertRow(db, reflectionsTable, { id: newId(at), body, mood: null, sessionId: null, bringToSession: false, createdAt: at, updatedAt: at })
    })
    entries.forEach((e, i) => {
      const id = newId(START + i * HOUR)
      if (e.change === 'edit') db.prepare('UPDATE reflections SET body = ? WHERE id = ?').run(e.edited.join(' '), id)
      if (e.change === 'delete') db.prepare('DELETE FROM reflections WHERE id = ?').run(id)
    })
  })()
  return db
}

/** What the index's own vocabulary lists for a prefix (null: more than 16 words). */
function vocabulary(db: Database.Database, prefix: string): string[] | null {
  const terms = db.prepare('SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term').pluck().all(prefix, `${prefix}\u{10FFFF}`) as string[]
  return terms.length > 16 ? null : terms
}

const prefixMatches = (db: Database.Database, prefix: string) =>
  new Set(db.prepare('SELECT d.ref_id FROM search_index JOIN search_docs AS d ON d.rowid = search_index.rowid WHERE search_index MATCH ?').pluck().all(`"${prefix}"*`) as string[])

describe('typed words longer than the prefix indexes', () => {
  it('are spelled out as exactly the indexed words they start, and find what a prefix query finds', () => {
    const prefix = fc.string({ unit: fc.constantFrom('a', 'b', 'A'), minLength: 1, maxLength: 4 }).map((tail) => `aaaa${tail}`)
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.array(prefix, { minLength: 1, maxLength: 6 }), (list, typed) => {
        const db = vaultWith(list)
        for (const text of typed) {
          const lower = text.toLowerCase()
          expect(indexedTermsStartingWith(db, text)).toEqual(vocabulary(db, lower))
          for (const order of ['date', 'relevance'] as const) {
            const hits = searchPage(db, { query: text, limit: 1000, cursor: null, order }).hits.map((h) => h.id)
            expect(new Set(hits)).toEqual(prefixMatches(db, lower))
            expect(hits).toHaveLength(new Set(hits).size)
          }
        }
        db.close()
      }),
      { numRuns: 40 },
    )
  })

  it('leaves short words, accents and other scripts to FTS5', () => {
    const db = vaultWith([])
    expect(indexedTermsStartingWith(db, 'tire')).toBeNull()
    expect(indexedTermsStartingWith(db, 'ménage')).toBeNull()
    expect(indexedTermsStartingWith(db, 'спокойно')).toBeNull()
    db.close()
  })
})
