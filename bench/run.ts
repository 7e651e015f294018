/**
 * npm run bench: runs every suite in bench/suites, prints a table, writes bench/results.json.
 * A suite is a module whose default export is `(ctx) => Promise<Figure[]>`.
 */
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import type { Figure } from './measure'
import { suites } from './suites'

const only = process.argv.slice(2)

function format(value: number): string {
  if (!Number.isFinite(value)) return '-'
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4)
}

async function main(): Promise<void> {
  const all: Array<Figure & { suite: string }> = []
  for (const [name, run] of Object.entries(suites)) {
    if (only.length > 0 && !only.includes(name)) continue
    process.stdout.write(`\n## ${name}\n`)
    const figures = await run()
    for (const f of figures) {
      const ratio = f.baseline ? ` | ${f.baseline.label}: ${format(f.baseline.median)} / ${format(f.baseline.p95)} | ratio ${format(f.median / f.baseline.median)}x` : ''
      process.stdout.write(`${f.name.padEnd(52)} median ${format(f.median).padStart(9)} ${f.unit}  p95 ${format(f.p95).padStart(9)} ${f.unit}  (n=${f.runs})${ratio}${f.note ? `  — ${f.note}` : ''}\n`)
      all.push({ ...f, suite: name })
    }
  }
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), machine, figures: all }, null, 2))
  process.stdout.write(`\nwrote bench/results.json (${all.length} figures)\n`)
}

await main()
