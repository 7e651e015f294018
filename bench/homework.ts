/**
 * Search and the timeline over a vault where a tenth of the entries are structured homework
 * (thought records, diary card days, check-ins). Goal: a search answers within 50 ms at 200,000
 * entries (DESIGN.md: the main process does nothing slower than that).
 * `BENCH_HOMEWORK_SIZES=20000 npm run bench -- homework` for a quick run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../src/main/core'
import { COMMON_WORD, fillDataset, RARE_WORD } from './dataset'
import { fillHomework } from './homework-dataset'
import { summarize, timeRuns, type Figure } from './measure'

const GOAL_MS = 50
const STRUCTURED_SHARE = 0.1
const noFilter = { kinds: null, tag: null, therapistId: null, from: null, to: null }

async function benchSize(size: number): Promise<Figure[]> {
  const label = `${size / 1000}k, ${STRUCTURED_SHARE * 100}% structured`
  const dir = mkdtempSync(join(tmpdir(), 'between-bench-homework-'))
  try {
    const core = createCore({ dataDir: join(dir, 'vault'), kdfCost: { memoryKiB: 1024, iterations: 1, parallelism: 1 } })
    await core.vault.create('bench passphrase for homework')
    const structured = Math.round(size * STRUCTURED_SHARE)
    fillDataset(core.vault.db(), { reflections: size - structured, contacts: 0, rules: 10 })
    fillHomework(core.vault.db(), structured)
    const figures: Figure[] = []
    for (const [kind, word] of [['common', COMMON_WORD], ['rare', RARE_WORD], ['prefix as typed', COMMON_WORD.slice(0, 3)], ['hot-thought', 'anxious']] as const) {
      const stats = summarize(timeRuns(() => void core.search.query({ query: word, limit: 50, cursor: null }), 100))
      figures.push({ name: `[${label}] search ${kind} word, 50 hits with snippets`, unit: 'ms', ...stats, note: `goal < ${GOAL_MS} ms: ${stats.median < GOAL_MS ? 'met' : 'NOT met'}` })
    }
    const page = summarize(timeRuns(() => void core.timeline.page({ limit: 100, cursor: null, filter: noFilter }), 100))
    figures.push({ name: `[${label}] timeline page of 100 (eight kinds merged)`, unit: 'ms', ...page })
    core.close()
    return figures
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export default async function homeworkSuite(): Promise<Figure[]> {
  const sizes = (process.env.BENCH_HOMEWORK_SIZES ?? '200000').split(',').map(Number)
  const figures: Figure[] = []
  for (const size of sizes) figures.push(...(await benchSize(size)))
  return figures
}
