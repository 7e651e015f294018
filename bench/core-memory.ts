/**
 * Run as a child by bench/core.ts: the core alone in a fresh process, unlocking an existing
 * vault and doing a session's worth of reading and searching. Prints its resident memory (MB).
 */
import { createCore } from '../src/main/core'

const [dataDir, passphrase] = process.argv.slice(2) as [string, string]
const rssMB = () => (process.memoryUsage().rss / 2 ** 20).toFixed(1)
const baseline = rssMB()
const core = createCore({ dataDir })
await core.vault.unlock({ passphrase })
const noFilter = { kinds: null, tag: null, therapistId: null, from: null, to: null }
let cursor: string | null = null
for (let i = 0; i < 50; i++) cursor = core.timeline.page({ limit: 100, cursor, filter: noFilter }).nextCursor
for (const query of ['felt', 'sleep', 'lighthouse', 'work', 'mum']) core.search.query({ query, limit: 50, cursor: null })
process.stdout.write(`${rssMB()} ${baseline}\n`)
core.close()
