/**
 * `npm run bench -- search`: search alone at 200,000 reflections (BENCH_SIZES to change), on the
 * same schema without encryption (the core suite compares encrypted and plain at 10,000):
 * migration 0090 over the dataset as the runner applies it (all pending, one transaction), then
 * each kind of query in both orders, 50 hits with snippets, and a page deep into the results.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../src/main/core/db/migrate'
import { migrations } from '../src/main/core/db/migrations'
import { searchPage } from '../src/main/core/search/search.service'
import { applyConnectionPragmas } from '../src/main/core/vault/open-database'
import type { SearchOrder } from '../src/shared/ipc/schemas/search'
import { COMMON_WORD, fillDataset, RARE_WORD } from './dataset'
import { summarize, timeRuns, type Figure } from './measure'

const QUERIES: ReadonlyArray<readonly [string, string]> = [
  ['common word', COMMON_WORD],
  ['rare word', RARE_WORD],
  ['prefix as typed', COMMON_WORD.slice(0, 3)],
  ['one letter', 'h'],
  ['long prefix (5 letters)', 'tired'],
  ['two words', `${COMMON_WORD} tire`],
]

const ms = (name: string, samples: number[], note?: string): Figure => ({ name, unit: 'ms', ...summarize(samples), ...(note ? { note } : {}) })

async function benchSize(size: number): Promise<Figure[]> {
  const label = `${size / 1000}k`
  const dir = mkdtempSync(join(tmpdir(), 'between-bench-search-'))
  const figures: Figure[] = []
  try {
    const db = new Database(join(dir, 'plain.db'))
    applyConnectionPragmas(db)
    migrate(db, migrations.filter((m) => m.version < 90))
    fillDataset(db, { reflections: size, contacts: 10_000, rules: 50 })
    figures.push(ms(`[${label}] migration 0090 (search index rebuilt with a title column, rowids by day)`, timeRuns(() => migrate(db), 1, 0)))
    const pages = db.prepare("SELECT count(*) FROM dbstat WHERE name = 'search_index_data'").pluck().get() as number
    figures.push({ name: `[${label}] search index size (search_index_data)`, unit: 'MB', median: (pages * 4096) / 2 ** 20, p95: (pages * 4096) / 2 ** 20, runs: 1 })

    for (const order of ['date', 'relevance'] as const satisfies readonly SearchOrder[]) {
      for (const [kind, query] of QUERIES) {
        let hits = 0
        const samples = timeRuns(() => void (hits = searchPage(db, { query, limit: 50, cursor: null, order }).hits.length), order === 'date' ? 100 : 50)
        figures.push(ms(`[${label}] search ${kind} "${query}", ${order === 'date' ? 'by date' : 'best match'}`, samples, `${hits} hits`))
      }
      // The 20th page: keyset by date; by best match past the ranked window, into the older matches by date.
      let cursor: string | null = null
      const deep = timeRuns(() => {
        cursor = null
        for (let page = 0; page < 20; page++) cursor = searchPage(db, { query: COMMON_WORD, limit: 50, cursor, order }).nextCursor
      }, 10)
      figures.push(ms(`[${label}] search common word, 20 pages one after another, ${order === 'date' ? 'by date' : 'best match'}`, deep, 'the whole walk'))
    }
    db.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return figures
}

export default async function searchSuite(): Promise<Figure[]> {
  const sizes = (process.env.BENCH_SIZES ?? '200000').split(',').map(Number)
  const figures: Figure[] = []
  for (const size of sizes) figures.push(...(await benchSize(size)))
  return figures
}
