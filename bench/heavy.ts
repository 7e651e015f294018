/**
 * Heavy operations at size (issue 17): backup, verify, restore, exports, a year's PDF report,
 * a passphrase change. The core runs in a child process of its own (bench/heavy-child.ts) so
 * its memory is its own; each figure carries the main thread's longest event-loop stall, the
 * peak resident memory while it ran, and its ratio to a physical anchor (cp of the vault file,
 * or one read of the data). Imports have their own suite (bench/imports.ts).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore } from '../src/main/core'
import { latestVersion } from '../src/main/core/db/migrate'
import { fillDataset } from './dataset'
import { bundledHeavyChild } from './heavy-bundle'
import { summarize, type Figure } from './measure'

const PASSPHRASE = 'bench passphrase that is long enough'

interface ChildLine {
  name: string
  ms: number
  stallMs: number
  /** The most main-thread time spent running callbacks between two 20 ms samples (the stall's own share). */
  busiestMs: number
  /** The most CPU time the main thread used between two 20 ms samples. */
  busiestCpuMs: number
  peakRssMB: number
  /** The peak above the resident memory when the operation started: what the operation itself added. */
  growthMB: number
  /** The main thread's event loop busy (not waiting for events) while it ran, in total. */
  busyMs: number
  /** CPU time of the whole process (every thread) while it ran: what the machine's load does not stretch. */
  cpuMs: number
  anchor?: string
  anchorMs?: number
  /** The anchor's CPU time in this process (one read of the data; a `cp` runs in a process of its own). */
  anchorCpuMs?: number
}

const IDLE = 'idle main thread (control)'
const DATA = fileURLToPath(new URL('./data/', import.meta.url))

/**
 * The generated vault of a size, made once and kept in bench/data (git-ignored; 200,000 entries
 * take minutes to generate): named by the dataset's source and the schema version, so a change
 * to either makes a new one. Each run works on a copy.
 */
async function cachedVault(size: number): Promise<string> {
  const stamp = createHash('sha256').update(readFileSync(new URL('./dataset.ts', import.meta.url))).update(String(latestVersion())).digest('hex').slice(0, 12)
  const dir = join(DATA, `heavy-${size}-${stamp}`)
  const dataDir = join(dir, 'vault')
  if (existsSync(join(dir, 'complete'))) return dataDir
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const core = createCore({ dataDir })
  await core.vault.create(PASSPHRASE)
  fillDataset(core.vault.db(), { reflections: size, contacts: Math.min(10_000, size / 2), rules: 50 })
  core.close() // a clean close checkpoints the WAL into the file the anchor copies
  writeFileSync(join(dir, 'complete'), '')
  return dataDir
}

async function heavyAt(size: number, runs: number, bundled: string | null): Promise<Figure[]> {
  const label = `${size / 1000}k`
  const dir = mkdtempSync(join(tmpdir(), 'between-bench-heavy-'))
  try {
    const dataDir = join(dir, 'vault')
    cpSync(await cachedVault(size), dataDir, { recursive: true })
    const out = join(dir, 'out')
    mkdirSync(out)
    const args = [dataDir, out, PASSPHRASE, String(runs)]
    const command = bundled ? [bundled, ...args] : ['--import', 'tsx', fileURLToPath(new URL('./heavy-child.ts', import.meta.url)), ...args]
    const text = execFileSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 2 ** 24 })
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as ChildLine)
    const figures: Figure[] = []
    // Every stall beside the idle control's from the same run: the machine's own noise.
    const idle = summarize(lines.filter((line) => line.name === IDLE).map((line) => line.stallMs))
    const idleStall = { label: 'idle control', ...idle }
    for (const name of [...new Set(lines.map((line) => line.name))]) {
      const mine = lines.filter((line) => line.name === name)
      const time = summarize(mine.map((line) => line.ms))
      const anchorName = mine[0]?.anchor
      const anchor = anchorName ? summarize(mine.map((line) => line.anchorMs as number)) : null
      figures.push({ name: `[${label}] ${name}`, unit: 'ms', ...time, ...(anchor && anchorName ? { baseline: { label: anchorName, ...anchor } } : {}) })
      figures.push({ name: `[${label}] ${name}: longest main-thread stall`, unit: 'ms', ...summarize(mine.map((line) => line.stallMs)), ...(name === IDLE ? {} : { baseline: idleStall }) })
      figures.push({ name: `[${label}] ${name}: longest main-thread stall, our own work in it (20 ms samples)`, unit: 'ms', ...summarize(mine.map((line) => line.busiestMs)), baseline: { label: 'its CPU', ...summarize(mine.map((line) => line.busiestCpuMs)) } })
      const anchorCpu = anchorName === 'one read of the data' ? { baseline: { label: `${anchorName}, CPU`, ...summarize(mine.map((line) => line.anchorCpuMs as number)) } } : {}
      figures.push({ name: `[${label}] ${name}: CPU time, all threads`, unit: 'ms', ...summarize(mine.map((line) => line.cpuMs)), ...anchorCpu })
      figures.push({ name: `[${label}] ${name}: main thread busy, in total`, unit: 'ms', ...summarize(mine.map((line) => line.busyMs)) })
      figures.push({ name: `[${label}] ${name}: peak resident memory`, unit: 'MB', ...summarize(mine.map((line) => line.peakRssMB)) })
      figures.push({ name: `[${label}] ${name}: resident memory added`, unit: 'MB', ...summarize(mine.map((line) => line.growthMB)) })
    }
    return figures
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export default async function heavySuite(): Promise<Figure[]> {
  const sizes = (process.env.BENCH_SIZES ?? '10000,200000').split(',').map(Number)
  const figures: Figure[] = []
  const quick = process.env.BENCH_QUICK === '1'
  const bundled = await bundledHeavyChild()
  for (const size of sizes) figures.push(...(await heavyAt(size, quick || size > 50_000 ? 1 : 3, bundled)))
  return figures
}
