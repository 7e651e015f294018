/**
 * The renderer with 100,000 entries, through the e2e harness (built renderer in Chromium, real
 * core, encrypted vault): the timeline's first render, search as you type, and the size of the
 * renderer's JavaScript. The harness carries calls over a CDP binding, slower than Electron's IPC
 * for large pages, so these figures are upper bounds for the app.
 */
import { execSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { e2eSkipReason, launchApp, RENDERER_DIR } from '../tests/e2e/harness'
import { seedLargeVault } from '../tests/e2e/seed-large'
import { summarize, type Figure } from './measure'
import { contactCheckPaint } from './renderer-contact'

// Page-side code runs in the browser; the node tsconfig has no DOM types.
declare const document: {
  querySelector(selector: string): { click(): void; getAttribute(name: string): string | null } | null
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; click(): void }>
}
declare const requestAnimationFrame: (callback: () => void) => number

const PASSPHRASE = 'bench passphrase, quite long'
const ENTRIES = 100_000
const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

function bundleSizes(): Figure[] {
  const assets = join(RENDERER_DIR, 'assets')
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8')
  const entry = /src="[^"]*assets\/([^"]+\.js)"/.exec(html)?.[1]
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'))
  const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length
  const sizes = files.map((f) => ({ f, raw: readFileSync(join(assets, f)).length, gz: gz(f) }))
  const total = sizes.reduce((sum, s) => sum + s.gz, 0)
  const main = sizes.find((s) => s.f === entry)
  const timeline = sizes.filter((s) => /^(TimelineScreen|MoodTrend|MarkdownPreview)-/.test(s.f))
  const one = (name: string, bytes: number, note?: string): Figure => ({ name, unit: 'kB', median: kB(bytes), p95: kB(bytes), runs: 1, ...(note ? { note } : {}) })
  return [
    one('renderer JS, main chunk (gzip)', main?.gz ?? Number.NaN, `${entry ?? '?'}, ${kB(main?.raw ?? 0)} kB raw`),
    one('renderer JS, all chunks (gzip)', total, `${files.length} files`),
    ...timeline.map((s) => one(`  lazy chunk ${s.f.split('-')[0]} (gzip)`, s.gz, `${kB(s.raw)} kB raw`)),
  ]
}

export default async function rendererBench(): Promise<Figure[]> {
  execSync('npx electron-vite build', { stdio: 'ignore' })
  const figures = bundleSizes()
  const reason = e2eSkipReason()
  if (reason) return [...figures, { name: 'timeline and search (skipped)', unit: 'ms', median: Number.NaN, p95: Number.NaN, runs: 0, note: reason }]

  let seedMs = 0
  const app = await launchApp({
    beforeLoad: async ({ invoke, core, clock }) => {
      await invoke('vault.create', { passphrase: PASSPHRASE })
      const start = performance.now()
      seedLargeVault(core, ENTRIES, clock.now())
      seedMs = performance.now() - start
      core.lock('manual')
    },
  })
  try {
    const { page } = app
    figures.push({ name: `seed ${ENTRIES} entries (one transaction)`, unit: 'ms', ...summarize([seedMs]) })

    // 1. Unlock, then the timeline: from the click on Timeline to its first row on screen.
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    // From the click on Timeline, coming from another screen (its feed gone), to the frame after
    // the first row is in the document: that frame is when it is painted.
    const firstRender = async (): Promise<number> =>
      page.evaluate(async () => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const buttons = Array.from(document.querySelectorAll('nav[aria-label="Main"] button'))
        buttons.find((b) => b.textContent?.trim() === 'Overview')?.click()
        while (document.querySelector('[role="feed"]')) await new Promise((done) => requestAnimationFrame(() => done(null)))
        await new Promise((done) => requestAnimationFrame(() => done(null)))
        const start = performance.now()
        buttons.find((b) => b.textContent?.trim() === 'Timeline')?.click()
        while (!document.querySelector('[role="feed"] article')) await new Promise((done) => requestAnimationFrame(() => done(null)))
        await new Promise((done) => requestAnimationFrame(() => done(null)))
        return performance.now() - start
      })
    const first = await firstRender()
    const again: number[] = []
    for (let i = 0; i < 7; i++) again.push(await firstRender())
    figures.push({ name: 'timeline first render after unlock (100k)', unit: 'ms', ...summarize([first]), note: 'click on Timeline to the frame after its first row; includes the lazy chunk' })
    figures.push({ name: 'timeline render, later visits (100k)', unit: 'ms', ...summarize(again), note: 'Overview, then Timeline again, to the frame after its first row' })

    // 2. Search as you type: each keystroke, to results for what was typed on screen.
    const search = page.getByRole('searchbox', { name: 'Search everything' })
    const latencies: number[] = []
    for (const word of ['heron', 'garden', 'sister', 'boundaries', 'morning', 'patient', 'kitchen', 'quiet']) {
      await search.fill('')
      for (let i = 1; i <= word.length; i++) {
        const typed = word.slice(0, i)
        await search.press(typed.at(-1) as string)
        const ms = await page.evaluate(async (q) => {
          const start = performance.now()
          while (document.querySelector('.search-results')?.getAttribute('data-query') !== q) await new Promise((done) => requestAnimationFrame(() => done(null)))
          return performance.now() - start
        }, typed)
        latencies.push(ms)
      }
    }
    figures.push({ name: 'search as you type, keystroke to results (100k)', unit: 'ms', ...summarize(latencies), note: 'includes the 40 ms typing pause' })
    // The core's share: search.query alone for the same prefixes.
    const core: number[] = []
    for (const word of ['heron', 'garden', 'sister', 'boundaries']) {
      for (let i = 1; i <= word.length; i++) {
        const start = performance.now()
        await app.invoke('search.query', { query: word.slice(0, i), limit: 50, order: 'date' })
        core.push(performance.now() - start)
      }
    }
    figures.push({ name: '  of which search.query in the core', unit: 'ms', ...summarize(core) })
    if (app.pageErrors.length > 0) figures.push({ name: 'page errors', unit: 'x', median: app.pageErrors.length, p95: app.pageErrors.length, runs: 1, note: app.pageErrors[0] ?? '' })
  } finally {
    await app.close()
  }
  figures.push(...(await contactCheckPaint()))
  return figures
}
