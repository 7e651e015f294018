/**
 * Sync costs (docs/sync.md): bytes written to the folder per small edit, time for the other
 * computer to apply an edit once its file has arrived, a 30-day backlog of 5,000 operations
 * caught up in one go (time, memory, the longest event-loop stall while it runs).
 */
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../tests/helpers/test-vault'
import { summarize, type Figure } from './measure'

const BACKLOG_OPS = Number(process.env.BENCH_SYNC_BACKLOG ?? 5000)
const DAY = 86_400_000

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name)
    const stat = statSync(path)
    return sum + (stat.isDirectory() ? folderBytes(path) : stat.size)
  }, 0)
}

const reflection = (v: TestVault, body: string) => v.core.reflections.create({ body, mood: 3, tags: [], sessionId: null, bringToSession: false })

export default async function syncBench(): Promise<Figure[]> {
  const folder = makeTempDir('between-bench-sync-')
  const laptop = await createTestVault()
  const desk = await createTestVault()
  try {
    const entries = Array.from({ length: 50 }, (_, i) => reflection(laptop, `Entry ${i}: a few words about the week.`))
    await laptop.core.sync.enable({ folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
    await desk.core.sync.enable({ folder, deviceName: 'Desk', passphrase: TEST_PASSPHRASE })

    const editBytes: number[] = []
    const applyMs: number[] = []
    for (let i = 0; i < 40; i++) {
      const entry = entries[i % entries.length]!
      const before = folderBytes(folder)
      if (i % 2 === 0) laptop.core.reflections.update({ id: entry.id, patch: { mood: 1 + (i % 5) } })
      else laptop.core.reflections.update({ id: entry.id, patch: { body: `${laptop.core.reflections.get({ id: entry.id }).body} and more` } })
      await laptop.core.sync.syncNow({})
      editBytes.push((folderBytes(folder) - before) / 1024)
      const start = performance.now()
      await desk.core.sync.syncNow({})
      applyMs.push(performance.now() - start)
    }

    // 30 days offline: the laptop keeps writing; the desk catches up in one pass.
    for (let i = 0; i < BACKLOG_OPS; i++) {
      laptop.clock.advance((30 * DAY) / BACKLOG_OPS)
      if (i % 3 === 0) reflection(laptop, `Day ${Math.floor(i / 170)}: entry ${i}, a short paragraph of what happened.`)
      else laptop.core.reflections.update({ id: entries[i % entries.length]!.id, patch: { mood: 1 + (i % 5) } })
      if (i % 50 === 49) await laptop.core.sync.syncNow({})
    }
    await laptop.core.sync.syncNow({})
    const heapBefore = process.memoryUsage().heapUsed
    let heapPeak = heapBefore
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5)
    const loopDelay = monitorEventLoopDelay({ resolution: 1 })
    loopDelay.enable()
    const start = performance.now()
    const caughtUp = await desk.core.sync.syncNow({ onProgress: () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)) })
    const backlogMs = performance.now() - start
    loopDelay.disable()
    clearInterval(sampler)
    const longestStall = loopDelay.max / 1e6

    const one = (name: string, unit: Figure['unit'], value: number, note?: string): Figure => ({ name, unit, median: value, p95: value, runs: 1, ...(note ? { note } : {}) })
    return [
      { name: 'sync: folder bytes per small edit', unit: 'kB', ...summarize(editBytes), note: 'goal <= 1 kB' },
      { name: 'sync: apply one edit once its file is there', unit: 'ms', ...summarize(applyMs), note: 'goal <= 5 s' },
      one(`sync: 30-day backlog (${BACKLOG_OPS} edits, ${caughtUp.appliedFiles} files)`, 'ms', backlogMs, `${caughtUp.appliedOps} operations; goal < 60 s`),
      one('sync: heap growth while catching up', 'MB', (heapPeak - heapBefore) / 2 ** 20),
      one('sync: longest event-loop stall while catching up', 'ms', longestStall, 'perf_hooks.monitorEventLoopDelay max; chunks of about 8 ms, yielding between; goal < 50 ms'),
      one('sync: folder size after the backlog', 'MB', folderBytes(folder) / 2 ** 20),
    ]
  } finally {
    laptop.cleanup()
    desk.cleanup()
    rmSync(folder, { recursive: true, force: true })
  }
}
