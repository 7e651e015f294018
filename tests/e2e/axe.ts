import { AxeBuilder } from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/**
 * axe-core as @axe-core/playwright itself resolves it, the same version, in its minified build
 * (axe.min.js: the page compiles 650 KB instead of axe.source's 1.5 MB, in half the time).
 */
const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))
const AXE_VERSION = (fromAxePlaywright('axe-core') as { version: string }).version
const AXE_SOURCE = readFileSync(fromAxePlaywright.resolve('axe-core/axe.min.js'), 'utf8')
const AXE_READY = `window.axe?.version === ${JSON.stringify(AXE_VERSION)}`
/** What AxeBuilder injects once axe is in every frame: nothing (any script but an empty one). */
const ALREADY_INJECTED = ';'

/**
 * axe-core into each frame of the page that does not hold it yet. AxeBuilder evaluates its source
 * twice per analysis; that was half of each check's time. A document keeps it until it is
 * replaced (a reload or a lock), and the next check then injects it again.
 */
async function injectAxeOnce(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(AXE_READY))) await frame.evaluate(AXE_SOURCE)
  }
}

const BLOCKING = new Set(['serious', 'critical'])

export interface A11yOptions {
  /** A name for the screen, used in the failure message. */
  screen?: string
  /** CSS selectors to leave out (use sparingly, and say why where you call it). */
  exclude?: string[]
  /** Rule ids to switch off (same). */
  disableRules?: string[]
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules plus best practices) on the page as it is now and fails
 * on any serious or critical violation, listing each rule id with the offending targets.
 * Minor and moderate findings are returned so a caller can look at them.
 */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yOptions = {}): Promise<string[]> {
  // axe.run in the page itself (legacy mode), not runPartial plus finishRun in a second, blank page
  // with the results carried across: the same rules on the same document (the window has no
  // frames), in a third to half the time. Only violations come back with every node; passes and
  // the rest with one example each, which nothing here reads.
  await injectAxeOnce(page)
  let builder = new AxeBuilder({ page, axeSource: ALREADY_INJECTED })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .setLegacyMode()
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules)
  const results = await builder.analyze()

  const describe = (v: (typeof results.violations)[number]): string =>
    `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 8)
      .map((node) => `      ${node.target.map(String).join(' ')}${node.failureSummary ? `\n        ${node.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
      .join('\n')}`

  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''))
  if (blocking.length > 0) {
    const where = options.screen ? ` on "${options.screen}"` : ''
    throw new Error(`Serious accessibility violations${where}:\n${blocking.map(describe).join('\n')}`)
  }
  return results.violations.map(describe)
}
