/** Timing helpers for `npm run bench`. Figures are printed, never asserted. */

export interface Figure {
  name: string
  unit: 'ms' | 'MB' | 'kB' | 'x'
  median: number
  p95: number
  runs: number
  /** Same measure without encryption (or other baseline), when there is one. */
  baseline?: { label: string; median: number; p95: number }
  note?: string
}

const quantile = (sorted: number[], q: number): number => {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)
  return sorted[Math.max(0, index)] as number
}

export function summarize(samples: number[]): { median: number; p95: number; runs: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), runs: sorted.length }
}

/** Runs fn `runs` times after `warmup` runs, returning per-run milliseconds. */
export function timeRuns(fn: (i: number) => void, runs: number, warmup = Math.ceil(runs / 10)): number[] {
  for (let i = 0; i < warmup; i++) fn(i)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn(i)
    samples.push(performance.now() - start)
  }
  return samples
}

export async function timeRunsAsync(
  fn: (i: number) => Promise<void>,
  runs: number,
  warmup = Math.ceil(runs / 10),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn(i)
    samples.push(performance.now() - start)
  }
  return samples
}
