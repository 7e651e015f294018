/**
 * The renderer through the e2e harness (built renderer in Chromium, real core, encrypted vault):
 * unlock to the timeline's first rows and later visits with 100,000 entries, search as you type
 * with 200,000, and the size of the renderer's JavaScript. The harness carries calls over a CDP
 * binding, slower than Electron's IPC for large pages, so these figures are upper bounds for the
 * app.
 *
 * Times are taken in the page, to the frame that draws the result: the harness's clock fakes
 * requestAnimationFrame with a timer, so "the next frame" here is a Web Animation's `ready`,
 * which the browser settles in its next rendering update.
 */
import { execSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { e2eSkipReason, launchApp, RENDERER_DIR, type E2EApp } from '../tests/e2e/harness'
import { seedLargeVault } from '../tests/e2e/seed-large'
import { summarize, type Figure } from './measure'
import { contactCheckPaint } from './renderer-contact'

// Page-side code runs in the browser; the node tsconfig (which reaches this file through
// bench/suites.ts) has no DOM types.
interface PageElement {
  click(): void
  textContent: string | null
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  animate(keyframes: object[], duration: number): { ready: Promise<unknown> }
}
declare const document: {
  body: PageElement
  querySelector(selector: string): PageElement | null
  querySelectorAll(selector: string): ArrayLike<PageElement>
  addEventListener(type: 'keydown', listener: (event: { timeStamp: number }) => void, capture: boolean): void
}
declare class MutationObserver {
  constructor(callback: () => void)
  observe(target: unknown, options: { childList: boolean; subtree: boolean }): void
  disconnect(): void
}

const PASSPHRASE = 'bench passphrase, quite long'
const ENTRIES = 100_000
/** Unlocks measured, each after a lock that restarts the page as the app does. */
const UNLOCKS = 9
const FEED_ROW = '[role="feed"] article'
const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

/** A call as the page saw it: from `bridge.invoke` to its answer in the page. */
interface PageCall {
  channel: string
  ms: number
}

/**
 * Times every call from the page's side: wraps the harness binding the bridge calls (the app's
 * code is untouched). A call's time in the page less its time in the core is the harness bridge's
 * share (a CDP binding round trip here; Electron's IPC in the app). Page-side code, as a string
 * run by page.evaluate; idempotent.
 */
const TIME_PAGE_CALLS = `(() => {
  if (window.__benchCalls) return
  const inner = window.__betweenInvoke
  window.__benchCalls = []
  window.__betweenInvoke = async (channel, input) => {
    const start = performance.now()
    try {
      return await inner(channel, input)
    } finally {
      window.__benchCalls.push({ channel, ms: performance.now() - start })
    }
  }
})()`

/** The calls the page made since the last take, and forgets them. */
const takePageCalls = (app: E2EApp): Promise<PageCall[]> =>
  app.page.evaluate(() => {
    const page = globalThis as unknown as { __benchCalls?: PageCall[] }
    const calls = page.__benchCalls ?? []
    page.__benchCalls = []
    return calls
  })

/** Times one handler in the core for the calls that follow: pushes each call's milliseconds. */
function timeInCore(app: E2EApp, channel: string, into: number[]): () => void {
  const handlers = app.handlers as unknown as Record<string, (input: unknown) => unknown>
  const handler = handlers[channel] as (input: unknown) => unknown
  // Keeps the handler's own marks (outsideCall): dispatch treats the wrapper as it treats the handler.
  handlers[channel] = Object.assign((input: unknown) => {
    const start = performance.now()
    const done = () => void into.push(performance.now() - start)
    const out = handler(input)
    if (out instanceof Promise) return out.finally(done)
    done()
    return out
  }, handler)
  return () => {
    handlers[channel] = handler
  }
}

const sum = (calls: PageCall[], channel: string) => calls.filter((c) => c.channel === channel).reduce((total, c) => total + c.ms, 0)

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
  let oldest = 0
  const app = await launchApp({
    beforeLoad: async ({ invoke, core, clock }) => {
      await invoke('vault.create', { passphrase: PASSPHRASE })
      const start = performance.now()
      oldest = seedLargeVault(core, ENTRIES, clock.now()).oldest
      seedMs = performance.now() - start
      core.lock('manual')
    },
  })
  try {
    figures.push({ name: `seed ${ENTRIES} entries (one transaction)`, unit: 'ms', ...summarize([seedMs]) })
    figures.push(...(await unlockToFirstRows(app)))
    figures.push(await laterVisits(app))
    // Search at 200,000: as many entries again, older, straight into the open vault.
    seedLargeVault(app.core, ENTRIES, oldest)
    figures.push(...(await searchAsYouType(app)))
    if (app.pageErrors.length > 0) figures.push({ name: 'page errors', unit: 'x', median: app.pageErrors.length, p95: app.pageErrors.length, runs: 1, note: app.pageErrors[0] ?? '' })
  } finally {
    await app.close()
  }
  figures.push(...(await contactCheckPaint()))
  return figures
}

/**
 * From the click on Unlock to the frame that draws the timeline's first rows, each time from a
 * fresh lock screen (the app restarts the page at every lock; the timeline's code loads while the
 * passphrase is typed). The core's vault.unlock (the KDF, opening the database, the migrations
 * check) is timed in the core and printed apart; the figure is what follows it.
 */
async function unlockToFirstRows(app: E2EApp): Promise<Figure[]> {
  const { page } = app
  const inCore: number[] = []
  const pageInCore: number[] = []
  const restore = [timeInCore(app, 'vault.unlock', inCore), timeInCore(app, 'timeline.page', pageInCore)]
  const total: number[] = []
  const committed: number[] = []
  const bridge: number[] = []
  try {
    for (let i = 0; i < UNLOCKS; i++) {
      if (i > 0) await app.lock('manual')
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
      // The lock screen has loaded all it loads (a person takes longer to type).
      await page.waitForLoadState('networkidle')
      await page.evaluate(TIME_PAGE_CALLS)
      await takePageCalls(app)
      pageInCore.length = 0
      const sample = await page.evaluate(async (row) => {
        const rowIn = new Promise<number>((done) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector(row)) return
            observer.disconnect()
            done(performance.now())
          })
          observer.observe(document.body, { childList: true, subtree: true })
        })
        const start = performance.now()
        Array.from(document.querySelectorAll('button'))
          .find((b) => b.textContent?.trim() === 'Unlock')
          ?.click()
        const at = await rowIn
        await document.body.animate([{ opacity: 1 }, { opacity: 1 }], 1).ready
        return { committed: at - start, painted: performance.now() - start }
      }, FEED_ROW)
      total.push(sample.painted)
      committed.push(sample.committed)
      // The bridge on the way: vault.unlock's answer, and the first page's round trip (asked for
      // as the vault opens, while the frame renders: an upper bound of its share).
      const calls = await takePageCalls(app)
      const firstPage = calls.find((c) => c.channel === 'timeline.page')?.ms ?? 0
      bridge.push(sum(calls, 'vault.unlock') - (inCore[i] ?? 0) + firstPage - (pageInCore[0] ?? 0))
    }
  } finally {
    for (const undo of restore) undo()
  }
  const less = (samples: number[]) => samples.map((ms, i) => ms - (inCore[i] ?? 0))
  const k = `${ENTRIES / 1000}k`
  return [
    { name: `unlock → first timeline rows painted (${k})`, unit: 'ms', ...summarize(less(total)), note: 'click on Unlock to the frame with the rows, less vault.unlock in the core; a fresh page each time' },
    { name: `  of which: rows in the document (${k})`, unit: 'ms', ...summarize(less(committed)) },
    { name: `  click on Unlock → rows painted, vault.unlock included (${k})`, unit: 'ms', ...summarize(total) },
    { name: '  vault.unlock in the core (test KDF: 1 MiB, t=1)', unit: 'ms', ...summarize(inCore), note: 'the app calibrates Argon2id to 0.25–1 s' },
    { name: `  of which: harness bridge, unlock's answer + first page (${k})`, unit: 'ms', ...summarize(bridge), note: 'in the page less in the core; the first page overlaps the frame (an upper bound)' },
  ]
}

/** A repeat visit: from Overview (the timeline's feed gone) to the frame that draws its first rows. */
async function laterVisits(app: E2EApp): Promise<Figure> {
  const samples: number[] = []
  for (let i = 0; i < 9; i++) {
    const ms = await app.page.evaluate(async (row) => {
      const buttons = Array.from(document.querySelectorAll('nav[aria-label="Main"] button'))
      buttons.find((b) => b.textContent?.trim() === 'Overview')?.click()
      while (document.querySelector('[role="feed"]')) await document.body.animate([{ opacity: 1 }, { opacity: 1 }], 1).ready
      await document.body.animate([{ opacity: 1 }, { opacity: 1 }], 1).ready
      const rowIn = new Promise<number>((done) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(row)) return
          observer.disconnect()
          done(performance.now())
        })
        observer.observe(document.body, { childList: true, subtree: true })
      })
      const start = performance.now()
      buttons.find((b) => b.textContent?.trim() === 'Timeline')?.click()
      await rowIn
      await document.body.animate([{ opacity: 1 }, { opacity: 1 }], 1).ready
      return performance.now() - start
    }, FEED_ROW)
    samples.push(ms)
  }
  return { name: `timeline render, later visits (${ENTRIES / 1000}k)`, unit: 'ms', ...summarize(samples), note: 'Overview, then Timeline again, to the frame that draws its first rows' }
}

/**
 * Each key typed, from its key event to the frame that draws the results for exactly the text in
 * the box (SearchResults marks them with data-query; answers to older text are never shown).
 */
async function searchAsYouType(app: E2EApp): Promise<Figure[]> {
  const { page } = app
  const k = `${(2 * ENTRIES) / 1000}k`
  const search = page.getByRole('searchbox', { name: 'Search everything' })
  await page.evaluate(() => {
    document.addEventListener('keydown', (event) => document.body.setAttribute('data-bench-key-at', String(event.timeStamp)), true)
  })
  // The core's share of each key: search.query timed in the core for the same keys.
  const inCore: number[] = []
  const restore = timeInCore(app, 'search.query', inCore)
  await page.evaluate(TIME_PAGE_CALLS)
  const latencies: number[] = []
  const core: number[] = []
  const bridge: number[] = []
  try {
    for (const word of ['heron', 'garden', 'sister', 'boundaries', 'morning', 'patient', 'kitchen', 'quiet']) {
      await search.fill('')
      for (let i = 1; i <= word.length; i++) {
        const typed = word.slice(0, i)
        inCore.length = 0
        await takePageCalls(app)
        await search.press(typed.at(-1) as string)
        const ms = await page.evaluate(async (q) => {
          while (document.querySelector('.search-results')?.getAttribute('data-query') !== q) await document.body.animate([{ opacity: 1 }, { opacity: 1 }], 1).ready
          await document.body.animate([{ opacity: 1 }, { opacity: 1 }], 1).ready
          return performance.now() - Number(document.body.getAttribute('data-bench-key-at'))
        }, typed)
        const inCoreMs = inCore.reduce((total, ms) => total + ms, 0)
        latencies.push(ms)
        core.push(inCoreMs)
        bridge.push(sum(await takePageCalls(app), 'search.query') - inCoreMs)
      }
    }
  } finally {
    restore()
  }
  return [
    { name: `search as you type, keystroke to results painted (${k})`, unit: 'ms', ...summarize(latencies), note: 'key event to the frame that draws the answer for the text in the box; no typing pause' },
    { name: `  of which: search.query in the core (${k})`, unit: 'ms', ...summarize(core), note: 'the same keys, timed in the core' },
    { name: `  of which: harness bridge, search.query in the page less in the core (${k})`, unit: 'ms', ...summarize(bridge), note: 'a CDP binding round trip per call here; Electron IPC in the app' },
    { name: `  the rest: React, layout, paint (${k})`, unit: 'ms', ...summarize(latencies.map((ms, i) => ms - (core[i] ?? 0) - (bridge[i] ?? 0))) },
  ]
}
