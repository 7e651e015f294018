/**
 * "Window health": is this a working window, or a blank one with a broken bundle? One check for
 * both the Electron smoke suite (tests/smoke-electron, origin app://between) and the end-to-end
 * harness (tests/e2e/harness.ts, origin of its static server). It fails on:
 *
 *  - an empty `#root` (React never rendered: a missing chunk, a module that threw, a CSP block);
 *  - any uncaught error in the page (`pageerror`);
 *  - any console error, and any CSP violation (Chromium no longer prints a violation whose
 *    exception was caught, e.g. a library probing `new Function`: an init script reports every
 *    `securitypolicyviolation` event as a console error);
 *  - a failed request to the app's own origin (refused, aborted, or an HTTP status >= 400);
 *  - a renderer crash.
 *
 * Requests to other origins are not its business: the app refuses them on purpose (the harness
 * records them as blockedRequests; the smoke suite checks that fetch is blocked).
 *
 *   const health = await watchWindowHealth(page, { origin })   // before the page loads (or reload it)
 *   await page.goto(...)
 *   await health.assertHealthy()                         // throws WindowHealthError, listing every problem
 */
import type { Page } from 'playwright-core'

export interface WindowHealthOptions {
  /** The app's own origin, e.g. 'app://between' or 'http://127.0.0.1:40123'. */
  origin: string
  /** How long the root may take to fill. */
  rootTimeoutMs?: number
}

export interface WindowHealth {
  /** Uncaught page errors and console errors, in order (the e2e specs' pageErrors). */
  readonly errors: string[]
  /** Everything wrong so far: errors, failed requests, crashes. */
  readonly problems: string[]
  /** Waits for a non-empty #root, then throws WindowHealthError if anything is wrong. */
  assertHealthy(): Promise<void>
}

export class WindowHealthError extends Error {
  constructor(readonly problems: string[]) {
    super(`The window is not healthy:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'WindowHealthError'
  }
}

/** Runs in the page before its own scripts: CSP violations become console errors. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error('CSP violation: ' + event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline code'))
})`

/** A string (runs in the page): this module is also compiled without the DOM types, for the smoke suite. */
const ROOT_FILLED = "(document.getElementById('root')?.childElementCount ?? 0) > 0"

export async function watchWindowHealth(page: Page, options: WindowHealthOptions): Promise<WindowHealth> {
  const errors: string[] = []
  const requestProblems: string[] = []
  const ours = (url: string): boolean => url.startsWith(`${options.origin}/`) || url === options.origin
  let crashed = false

  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`)
  })
  page.on('requestfailed', (request) => {
    if (ours(request.url())) requestProblems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`)
  })
  page.on('response', (response) => {
    if (ours(response.url()) && response.status() >= 400) requestProblems.push(`request failed: ${response.url()} (HTTP ${response.status()})`)
  })
  page.on('crash', () => {
    crashed = true
  })
  await page.addInitScript(REPORT_CSP_VIOLATIONS)

  const problems = (): string[] => [...errors, ...requestProblems, ...(crashed ? ['the renderer crashed'] : [])]

  return {
    errors,
    get problems() {
      return problems()
    },
    async assertHealthy() {
      const found: string[] = []
      if (!crashed) {
        try {
          await page.waitForFunction(ROOT_FILLED, undefined, { timeout: options.rootTimeoutMs ?? 10_000 })
        } catch {
          found.push('#root is empty: the app did not render')
        }
      }
      found.unshift(...problems())
      if (found.length > 0) throw new WindowHealthError(found)
    },
  }
}
