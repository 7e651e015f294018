import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'
import { seedLargeVault } from './seed-large'

const PIXELS_PER_POINT = 2

/**
 * Mood over time at 10,000 entries (about two and a half years of ratings): asked for one point
 * per day, the chart shows one per week instead, says so, and draws no more points than it has
 * pixels for (the table beside it holds exactly the points drawn).
 */
describe.skipIf(e2eSkipReason())('mood chart with 10,000 entries', () => {
  let app: E2EApp

  beforeAll(async () => {
    app = await launchApp({
      viewport: { width: 1280, height: 800 },
      beforeLoad: async ({ invoke, core, clock }) => {
        await invoke('vault.create', { passphrase: 'quiet lantern orchard velvet' })
        seedLargeVault(core, 10_000, clock.now())
      },
    })
    app.page.setDefaultTimeout(20_000)
  }, 120_000)

  afterAll(async () => {
    await app?.close()
  })

  it('aggregates to weeks when days would not fit, and draws at most one point per two pixels', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click()
    await page.getByRole('button', { name: 'Mood over time' }).click()
    await page.locator('.mood-chart canvas').waitFor()
    await page.getByLabel('Over', { exact: true }).selectOption('all')
    await page.getByLabel('Average per', { exact: true }).selectOption('day')
    await page.getByRole('img', { name: /^Average mood per week over all time/ }).waitFor()
    await page.getByText('There are more points than fit, so this shows one per week rather than per day.').waitFor()

    const chartWidth = await page.locator('.mood-chart').evaluate((el) => el.clientWidth)
    const points = await page.locator('.mood-table tbody tr').count()
    const days = (await app.invoke('mood.trend', { timeZone: 'UTC', bucket: 'day' })).buckets.length
    expect(days * PIXELS_PER_POINT).toBeGreaterThan(chartWidth) // by day it would be a solid block
    expect(points).toBeGreaterThan(100)
    expect(points * PIXELS_PER_POINT).toBeLessThanOrEqual(chartWidth)
    await expectNoSeriousA11yViolations(page, { screen: 'mood over time, 10,000 entries' })
  })
})
