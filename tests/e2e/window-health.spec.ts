import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { watchWindowHealth, WindowHealthError } from './window-health'
import { CHROMIUM_ARGS, CHROMIUM_PATH, e2eSkipReason, launchApp, RENDERER_DIR, serveStatic } from './harness'

/**
 * The window-health check (tests/helpers/window-health.ts), shown able to fail: deliberately
 * broken bundles, served the way the harness serves the real one (same static server, same
 * CSP), in the same Chromium. A check that cannot fail proves nothing about the smoke suite or
 * the end-to-end specs that rely on it.
 */

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="UTF-8"><link rel="icon" href="data:,"><title>Between</title></head><body>${body}</body></html>`

/** Each broken bundle: its files, and the problem the check must name. */
const BUNDLES: Record<string, { files: Record<string, string>; expected: RegExp }> = {
  'a renderer that throws at startup': {
    files: {
      'index.html': page('<div id="root"></div><script type="module" src="/main.js"></script>'),
      'main.js': "document.getElementById('root').append(document.createElement('p'))\nthrow new Error('startup failed')\n",
    },
    expected: /page error: startup failed/,
  },
  'an empty #root': {
    files: {
      'index.html': page('<div id="root"></div><script type="module" src="/main.js"></script>'),
      'main.js': "window.started = true\n",
    },
    expected: /#root is empty/,
  },
  'a chunk that is missing (HTTP 404)': {
    files: {
      'index.html': page('<div id="root"><p>shell</p></div><script type="module" src="/assets/index-missing.js"></script>'),
    },
    expected: /request failed: .*\/assets\/index-missing\.js \(HTTP 404\)/,
  },
  'a CSP violation (code that evaluates strings)': {
    files: {
      'index.html': page('<div id="root"></div><script type="module" src="/main.js"></script>'),
      'main.js': "try { new Function('return 1') } catch {}\ndocument.getElementById('root').append(document.createElement('p'))\n",
    },
    expected: /console error: CSP violation: script-src blocked eval/,
  },
  'a console error': {
    files: {
      'index.html': page('<div id="root"></div><script type="module" src="/main.js"></script>'),
      'main.js': "console.error('renderer could not start')\ndocument.getElementById('root').append(document.createElement('p'))\n",
    },
    expected: /console error: renderer could not start/,
  },
}

describe.skipIf(e2eSkipReason())('window health', () => {
  const temp = mkdtempSync(join(tmpdir(), 'between-window-health-'))
  let context: BrowserContext

  beforeAll(async () => {
    context = await chromium.launchPersistentContext(join(temp, 'profile'), { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
  })

  afterAll(async () => {
    await context?.close()
    rmSync(temp, { recursive: true, force: true })
  })

  /** Serves `files`, opens them in a new page, and returns what the check said. */
  async function check(name: string, files: Record<string, string>): Promise<string[]> {
    const root = join(temp, name.replace(/\W+/g, '-'))
    mkdirSync(root, { recursive: true })
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(root, file, '..'), { recursive: true })
      writeFileSync(join(root, file), text)
    }
    const server = await serveStatic(root)
    const tab = await context.newPage()
    try {
      const health = await watchWindowHealth(tab, { origin: server.origin, rootTimeoutMs: 1_500 })
      await tab.goto(`${server.origin}/index.html`, { waitUntil: 'load' })
      const error = await health.assertHealthy().then(
        () => null,
        (thrown: unknown) => thrown,
      )
      if (error === null) return []
      expect(error).toBeInstanceOf(WindowHealthError)
      return (error as WindowHealthError).problems
    } finally {
      await tab.close()
      await server.close()
    }
  }

  for (const [name, { files, expected }] of Object.entries(BUNDLES)) {
    it(`fails on ${name}`, async () => {
      const problems = await check(name, files)
      expect(problems.some((problem) => expected.test(problem)), problems.join('\n')).toBe(true)
    })
  }

  it('fails on a renderer crash', async () => {
    const tab = await context.newPage()
    const health = await watchWindowHealth(tab, { origin: 'http://127.0.0.1' })
    await tab.goto('chrome://crash').catch(() => undefined)
    await expect(health.assertHealthy()).rejects.toThrow(/the renderer crashed/)
    await tab.close().catch(() => undefined)
  })

  it('passes a bundle that renders cleanly (the check is not failing everything)', async () => {
    const problems = await check('healthy', {
      'index.html': page('<div id="root"></div><script type="module" src="/main.js"></script>'),
      'main.js': "document.getElementById('root').append(document.createElement('p'))\n",
    })
    expect(problems).toEqual([])
  })

  it("passes Between's real built renderer; every lazy chunk loads too with no error and no CSP violation (zod is jitless)", async () => {
    const app = await launchApp()
    try {
      expect(app.health.problems).toEqual([])
      await app.page.getByRole('heading', { level: 1 }).first().waitFor()
      // What later screens load (the agreements' zod schemas among them), loaded now.
      const chunks = readdirSync(join(RENDERER_DIR, 'assets')).filter((file) => file.endsWith('.js'))
      expect(chunks.length).toBeGreaterThan(1)
      // A string, so vitest leaves this import() alone (it runs in the page, not in Node).
      await app.page.evaluate(`(async () => { for (const file of ${JSON.stringify(chunks)}) await import('/assets/' + file) })()`)
      await app.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)))
      expect(app.health.problems).toEqual([])
    } finally {
      await app.close()
    }
  })
})
