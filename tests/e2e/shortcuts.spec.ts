import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, type E2EApp } from './harness'
import { launchDemoApp } from './launch-vault'

const FOCUSED_HEADING = `(() => {
  const el = document.activeElement
  return el && el.tagName === 'H1' ? { text: el.textContent, outline: getComputedStyle(el).outlineStyle } : null
})()`

/** The app's shortcuts from anywhere, the help sheet, and focus after navigation. */
describe.skipIf(e2eSkipReason())('shortcuts and focus', () => {
  let app: E2EApp
  const nav = () => app.page.getByRole('navigation', { name: 'Main' })

  beforeAll(async () => {
    app = await launchDemoApp()
  })

  afterAll(async () => {
    await app?.close()
  })

  it('marks the current page and focuses its heading without a ring after navigation', async () => {
    const { page } = app
    await nav().getByRole('button', { name: 'Agreements' }).click()
    await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor()
    await expect.poll(() => page.evaluate(FOCUSED_HEADING)).toEqual({ text: 'Agreements', outline: 'none' })
    expect(await nav().getByRole('button', { name: 'Agreements' }).getAttribute('aria-current')).toBe('page')
    expect(await nav().getByRole('button', { name: 'Timeline' }).getAttribute('aria-current')).toBeNull()
    // The current page has a look of its own, not the focus ring's.
    const current = await nav().getByRole('button', { name: 'Agreements' }).evaluate((el) => getComputedStyle(el).backgroundColor)
    const other = await nav().getByRole('button', { name: 'Settings' }).evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(current).not.toBe(other)
  })

  it('searches from another screen with "/" and keeps every key typed', async () => {
    const { page } = app
    await nav().getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await page.keyboard.press('/')
    await page.keyboard.type('sunday', { delay: 0 })
    const search = page.getByRole('searchbox', { name: 'Search everything' })
    await expect.poll(() => search.inputValue()).toBe('sunday')
    await page.getByRole('region', { name: 'Search results' }).getByRole('button').first().waitFor()
  })

  it('opens a new reflection with Ctrl+N and Ready to contact? with Ctrl+K', async () => {
    const { page } = app
    await nav().getByRole('button', { name: 'Overview' }).click()
    await page.keyboard.press('Control+n')
    await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'New reflection' }).waitFor()
    await page.keyboard.press('Control+k')
    await page.getByRole('heading', { level: 1, name: 'Ready to contact?' }).waitFor()
  })

  it('lists every shortcut in the ? sheet, and Ctrl+L locks', async () => {
    const { page } = app
    await page.getByRole('heading', { level: 1 }).focus()
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await sheet.waitFor()
    const text = await sheet.innerText()
    for (const keys of ['Ctrl+Shift+H', 'Ctrl+N', 'Ctrl+F', 'Ctrl+K', 'Ctrl+L', '?']) expect(text).toContain(keys)
    await expectNoSeriousA11yViolations(page, { screen: 'help sheet' })
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'hidden' })
    await page.keyboard.press('Control+l')
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
  })
})
