import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSPHRASE, DEMO_THERAPIST, seedDemoVault } from '../../scripts/demo-vault'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'
import { shootSmallLightLargeDark } from './shots'

const ACTIVE = `(() => {
  const el = document.activeElement
  return el ? (el.getAttribute('id') ?? '') + '|' + (el.textContent ?? '').slice(0, 120) : ''
})()`

/**
 * The timeline over the demo vault (five weeks with Dr Amara Rao): grouping around sessions,
 * keyboard, search with marked snippets and the jump into the timeline, filters, mood trend.
 */
describe.skipIf(e2eSkipReason())('timeline', () => {
  let app: E2EApp
  let htmlReflectionId = ''

  const feed = () => app.page.getByRole('feed', { name: 'Timeline entries' })
  const panel = () => app.page.getByRole('complementary', { name: 'Details' })

  beforeAll(async () => {
    app = await launchApp({
      beforeLoad: async ({ invoke, clock }) => {
        await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
        await seedDemoVault(invoke, clock)
        const reflection = await invoke('reflections.create', {
          body: 'Saw the <b>heron</b> again <img src=x onerror="window.__pwned=1"> by the lock gates.',
          mood: 4,
          tags: ['small things'],
        })
        htmlReflectionId = reflection.id
      },
    })
    // Fail a step with its locator's name rather than the whole test with a timeout.
    app.page.setDefaultTimeout(10_000)
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click()
    await app.page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    await feed().waitFor()
  })

  afterAll(async () => {
    await app?.close()
  })

  it('puts the next session first with its talking points, and groups entries under sessions', async () => {
    const first = feed().getByRole('article').first()
    await expect.poll(() => first.innerText()).toContain('Next session')
    const text = await first.innerText()
    expect(text).toContain(`Session with ${DEMO_THERAPIST}`)
    expect(text).toMatch(/50\smin\s·\sin person/)
    expect(text).toContain('4 talking points')
    // Past sessions head their own stretch, with the time since.
    const headings = await feed().getByRole('heading', { level: 2 }).allInnerTexts()
    expect(headings.filter((h) => h.startsWith(`Session with ${DEMO_THERAPIST}`)).length).toBeGreaterThanOrEqual(2)
    expect(await feed().innerText()).toMatch(/days? ago · 17:00/)
    await expectNoSeriousA11yViolations(app.page, { screen: 'timeline' })
  })

  it('moves with j/k and the arrows, opens with Enter, closes with Escape', async () => {
    const { page } = app
    await feed().getByRole('article').first().focus()
    const start = await page.evaluate<string>(ACTIVE)
    await page.keyboard.press('j')
    const second = await page.evaluate<string>(ACTIVE)
    expect(second).not.toBe(start)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('k')
    expect(await page.evaluate<string>(ACTIVE)).toBe(second)
    await page.keyboard.press('Enter')
    await panel().getByRole('heading', { level: 2, name: 'Reflection' }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'timeline with a reflection open' })
    await page.keyboard.press('Escape')
    await panel().waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate<string>(ACTIVE)).toBe(second)
  })

  it('opens a contact in the side panel, with its details and an Edit button', async () => {
    // Further down the (virtualised) list: scroll until it is drawn.
    const contact = feed().getByRole('article').filter({ hasText: 'You received an email' }).first()
    for (let i = 0; i < 20 && (await contact.count()) === 0; i++) await app.page.locator('.tl-scroll').evaluate((el) => void (el.scrollTop += 400))
    await contact.click()
    await panel().getByRole('heading', { level: 2, name: 'You received an email' }).waitFor()
    expect(await panel().innerText()).toContain('Amara cancelled this week')
    await panel().getByRole('button', { name: 'Edit' }).waitFor()
    await expectNoSeriousA11yViolations(app.page, { screen: 'contact detail' })
    await app.page.keyboard.press('Escape')
    await panel().waitFor({ state: 'detached' })
  })

  it('searches with / as you type; matches are marked, HTML stays text', async () => {
    const { page } = app
    await feed().getByRole('article').first().focus()
    await page.keyboard.press('/')
    const search = page.getByRole('searchbox', { name: 'Search everything' })
    await expect.poll(() => search.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(true)
    await page.keyboard.type('hero')
    const results = page.getByRole('region', { name: 'Search results' })
    await results.getByRole('button').first().waitFor()
    const hit = results.getByRole('button', { name: /Reflection/ }).filter({ hasText: '<b>' })
    await hit.waitFor()
    expect(await hit.locator('mark').allInnerTexts()).toEqual(['heron'])
    const shown = await hit.innerText()
    expect(shown).toContain('<b>')
    expect(shown.includes('\u0002') || shown.includes('\u0003')).toBe(false)
    expect(await results.locator('img, b, script').count()).toBe(0)
    expect(await page.evaluate('window.__pwned')).toBeUndefined()
    await expectNoSeriousA11yViolations(page, { screen: 'search results' })

    // By date first; Best match by keyboard, the marked hit still there, the toggle on screen.
    const order = results.getByRole('group', { name: 'Order of results' })
    const byDate = order.getByRole('button', { name: 'By date' })
    const best = order.getByRole('button', { name: 'Best match' })
    expect(await byDate.getAttribute('aria-pressed')).toBe('true')
    await best.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => best.getAttribute('aria-pressed')).toBe('true')
    await results.getByRole('button', { name: /Reflection/ }).filter({ hasText: '<b>' }).waitFor()
    const viewport = page.viewportSize()
    const box = await order.boundingBox()
    expect(box && viewport && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height).toBe(true)
    await expectNoSeriousA11yViolations(page, { screen: 'search results by best match' })
    await shootSmallLightLargeDark(page, 'search-order')
    await byDate.click()
    await expect.poll(() => byDate.getAttribute('aria-pressed')).toBe('true')
  })

  it('jumps from a result into the timeline and opens the entry', async () => {
    const { page } = app
    await page.getByRole('region', { name: 'Search results' }).getByRole('button').filter({ hasText: '<b>' }).click()
    await page.getByText(/Showing your timeline from .* back\./).waitFor()
    await panel().getByRole('heading', { level: 2, name: 'Reflection' }).waitFor()
    expect(await panel().getByLabel('What is on your mind?').inputValue()).toContain('lock gates')
    const current = feed().locator('[aria-current="true"]')
    await current.waitFor()
    expect(await current.innerText()).toContain('lock gates')
    expect(await current.getAttribute('id')).toContain(htmlReflectionId.replace(/-/g, '_').slice(0, 8))
    await page.getByRole('button', { name: 'Back to the latest' }).click()
    await page.getByText(/Showing your timeline from/).waitFor({ state: 'detached' })
    await panel().getByRole('button', { name: 'Close' }).first().click()
  })

  it('filters by entry type, tag and date range', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Filter', exact: true }).click()
    const filters = page.getByRole('region', { name: 'Filters' })
    await filters.waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'timeline filters' })

    for (const kind of ['Sessions', 'Contacts', 'Drafts', 'Agreement changes']) await filters.getByLabel(kind).uncheck()
    await expect.poll(async () => (await feed().getByRole('article').allInnerTexts()).every((t) => t.startsWith('Reflection'))).toBe(true)
    expect(await feed().getByRole('heading', { level: 2 }).count()).toBe(0)

    await filters.getByLabel('Tag').selectOption('sleep')
    await expect.poll(async () => {
      const texts = await feed().getByRole('article').allInnerTexts()
      return texts.length > 0 && texts.every((t) => t.includes('#sleep'))
    }).toBe(true)
    expect(await feed().getByRole('article').count()).toBe(3)

    // A date range that holds nothing says so and offers a way back.
    await filters.getByLabel('From').fill('2020-01-01')
    await filters.getByLabel('Until').fill('2020-01-31')
    await page.getByRole('heading', { name: 'Nothing here with these filters' }).waitFor()
    await page.getByRole('button', { name: 'Clear filters' }).first().click()
    await feed().getByRole('article').first().waitFor()
    await expect.poll(() => feed().getByRole('article').first().innerText()).toContain('Next session')
    await page.getByRole('button', { name: /^Filter/ }).click()
  })

  it('shows mood over time as a chart with the same figures in a table', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Mood over time' }).click()
    await page.getByRole('heading', { level: 2, name: 'Mood over time' }).waitFor()
    await page.locator('.mood-chart canvas').waitFor()
    expect(await page.getByRole('img', { name: /Average mood per week/ }).count()).toBe(1)
    await page.getByText('The same figures as a table').click()
    const rows = await page.locator('.mood-table tbody tr').count()
    expect(rows).toBeGreaterThanOrEqual(4)
    await page.getByLabel('Average per').selectOption('month')
    await page.getByRole('img', { name: /Average mood per month/ }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'mood over time' })
    await page.getByRole('button', { name: 'Entries' }).click()
    await feed().waitFor()
    expect(app.pageErrors).toEqual([])
  })
})

describe.skipIf(e2eSkipReason())('timeline, empty vault', () => {
  let app: E2EApp
  beforeAll(async () => {
    app = await launchApp({ beforeLoad: async ({ invoke }) => void (await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })) })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('teaches the next step', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click()
    await page.getByRole('heading', { level: 2, name: 'Your timeline starts here' }).waitFor()
    const main = page.locator('.timeline-main')
    for (const name of ['Write a reflection', 'Schedule sessions', 'Add a session']) await main.getByRole('button', { name }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'empty timeline' })
    await page.getByRole('button', { name: 'Mood over time' }).click()
    await page.getByRole('heading', { name: 'No moods recorded yet' }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'empty mood' })
  })
})
