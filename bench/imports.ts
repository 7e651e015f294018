/**
 * Imports at size (issues 17 and 18): a 20,000-entry Day One file and a 5,000-event calendar,
 * generated here (never committed), imported into a vault of the bench's size. The core runs in
 * a child process of its own (bench/import-child.ts), as in the heavy suite; each figure carries
 * the main thread's longest event-loop stall and its busy time.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore } from '../src/main/core'
import { calendarFile, dayOneJournal } from '../tests/helpers/import-files'
import { fillDataset } from './dataset'
import { summarize, type Figure } from './measure'

const PASSPHRASE = 'bench passphrase that is long enough'
const DAY_ONE_ENTRIES = 20_000
const CALENDAR_EVENTS = 5_000

interface ChildLine {
  name: string
  ms: number
  stallMs: number
  busyMs: number
}

async function importsAt(size: number): Promise<Figure[]> {
  const label = `${size / 1000}k`
  const dir = mkdtempSync(join(tmpdir(), 'between-bench-imports-'))
  try {
    const dataDir = join(dir, 'vault')
    const core = createCore({ dataDir })
    await core.vault.create(PASSPHRASE)
    fillDataset(core.vault.db(), { reflections: size, contacts: Math.min(10_000, size / 2), rules: 50 })
    core.close()
    const dayOne = join(dir, 'journal.json')
    writeFileSync(dayOne, dayOneJournal(DAY_ONE_ENTRIES, Date.UTC(2012, 0, 1)))
    const calendar = join(dir, 'calendar.ics')
    writeFileSync(calendar, calendarFile(CALENDAR_EVENTS, Date.UTC(2025, 0, 6, 9)))
    const script = fileURLToPath(new URL('./import-child.ts', import.meta.url))
    const built = fileURLToPath(new URL('../out/main/jobs.worker.mjs', import.meta.url))
    const args = [script, dataDir, PASSPHRASE, dayOne, calendar, ...(existsSync(built) ? [built] : [])]
    const text = execFileSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', maxBuffer: 2 ** 24 })
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as ChildLine)
    return lines.flatMap((line) => [
      { name: `[${label}] ${line.name}`, unit: 'ms', ...summarize([line.ms]) },
      { name: `[${label}] ${line.name}: longest main-thread stall`, unit: 'ms', ...summarize([line.stallMs]) },
      { name: `[${label}] ${line.name}: main thread busy, in total`, unit: 'ms', ...summarize([line.busyMs]) },
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export default async function importsSuite(): Promise<Figure[]> {
  const sizes = (process.env.BENCH_SIZES ?? '10000,200000').split(',').map(Number)
  const figures: Figure[] = []
  for (const size of sizes) figures.push(...(await importsAt(size)))
  return figures
}
