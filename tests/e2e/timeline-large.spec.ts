import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_NOW, e2eSkipReason, launchApp, type E2EApp } from './harness'
import { copyLargeVault, LARGE_VAULT_PASSPHRASE } from './shared-vault'

// Page-side code below runs in the browser; the node tsconfig has no DOM types.
declare const document: { querySelector<T = BrowserElement>(selector: string): T | null }
declare const requestAnimationFrame: (callback: () => void) => number
interface BrowserElement {
  scrollTop: number
  scrollHeight: number
  querySelectorAll(selector: string): { length: number }
}

const TOTAL = 100_000

/**
 * 100,000 entries: the feed loads keyset pages as it scrolls and keeps only the rows in view in
 * the DOM. Scrolled from the newest entry to the oldest without a page error.
 */
describe.skipIf(e2eSkipReason())('timeline with 100,000 entries', () => {
  let app: E2EApp
  let root = ''
  let seedMs = 0

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-large-'))
    const dataDir = join(root, 'vault')
    const start = performance.now()
    await copyLargeVault(dataDir, { total: TOTAL, now: DEFAULT_NOW })
    seedMs = performance.now() - start
    app = await launchApp({
      dataDir,
      viewport: { width: 1280, height: 900 },
      beforeLoad: async ({ invoke }) => void (await invoke('vault.unlock', { passphrase: LARGE_VAULT_PASSPHRASE })),
    })
  }, 240_000)

  afterAll(async () => {
    await app?.close()
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('scrolls end to end, loading pages as it goes, with a small DOM and no errors', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click()
    await page.getByRole('feed', { name: 'Timeline entries' }).waitFor()
    const started = performance.now()

    // Scroll to the bottom, wait for the next page to arrive, again, until the end marker shows.
    // The loop runs inside the page so each round costs no extra round trip to the test.
    const result = await page.evaluate(async () => {
      const el = document.querySelector('.tl-scroll')
      if (!el) throw new Error('no list')
      let rounds = 0
      let maxDomRows = 0
      let lastHeight = 0
      let lastChange = performance.now()
      const errors: string[] = []
      // Every frame: to the bottom. Pages load while rows are measured; no waiting in between.
      while (!document.querySelector('.tl-end')) {
        el.scrollTop = el.scrollHeight
        rounds++
        await new Promise<void>((done) => requestAnimationFrame(() => done()))
        maxDomRows = Math.max(maxDomRows, el.querySelectorAll('article').length)
        if (el.scrollHeight !== lastHeight) {
          lastHeight = el.scrollHeight
          lastChange = performance.now()
        } else if (performance.now() - lastChange > 10_000) {
          errors.push(`stuck after ${rounds} rounds`)
          break
        }
      }
      el.scrollTop = el.scrollHeight
      return { rounds, maxDomRows, errors }
    })
    expect(result.errors).toEqual([])
    const { maxDomRows } = result
    const scrolledMs = performance.now() - started

    await page.locator('.tl-end').waitFor()
    const last = page.locator('article').last()
    await last.waitFor()
    // The oldest entry is in view and the DOM stayed small: only rows near the view exist.
    expect(maxDomRows).toBeLessThan(60)
    expect(app.pageErrors).toEqual([])
    console.log(`seeded (or copied) ${TOTAL} entries in ${Math.round(seedMs)} ms; scrolled end to end in ${Math.round(scrolledMs)} ms`)

    // Keyboard still works at the bottom: Home goes back to the newest entry.
    await last.focus()
    await page.keyboard.press('Home')
    await page.waitForFunction(() => (document.querySelector('.tl-scroll')?.scrollTop ?? 0) < 400)
  }, 200_000)
})
