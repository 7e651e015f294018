import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

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
  let builder = new AxeBuilder({ page })
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
