/**
 * Run under strace by leak-trace.test.ts: writes reflections carrying a marker, then sorts,
 * groups and searches with a tiny page cache so SQLite has every reason to spill.
 */
import { createCore } from '../../src/main/core'
import { CHEAP_KDF, TEST_PASSPHRASE } from '../helpers/test-vault'

const dataDir = process.env.BETWEEN_DATA_DIR as string
const marker = process.env.LEAK_MARKER as string

const core = createCore({ dataDir, kdfCost: CHEAP_KDF })
await core.vault.create(TEST_PASSPHRASE)
const db = core.vault.db()
db.pragma('cache_size = 8')
for (let i = 0; i < 1000; i++) {
  core.reflections.create({ body: `${marker} entry ${i} ${'words '.repeat(20)}`, mood: (i % 5) + 1, tags: [`${marker}tag${i % 7}`], sessionId: null, bringToSession: false })
}
db.prepare('SELECT body FROM reflections ORDER BY body DESC').all()
db.prepare('SELECT mood, group_concat(body) FROM reflections GROUP BY mood').all()
db.prepare('SELECT DISTINCT substr(body, 1, 40) FROM reflections').all()
core.search.query({ query: marker, limit: 200, cursor: null })
core.timeline.page({ limit: 500, cursor: null, filter: { kinds: null, tag: null, therapistId: null, from: null, to: null } })
for (const r of core.reflections.list({ limit: 500, before: null, tag: null }).slice(0, 300)) core.reflections.delete({ id: r.id })
core.close()
