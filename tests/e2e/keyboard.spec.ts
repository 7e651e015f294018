import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

const PASSPHRASE = 'copper meadow lantern quietly'

// Browser-side snippets as strings: the node tsconfig has no DOM types.
const FOCUSED = `(() => {
  const el = document.activeElement
  if (!el || el === document.body) return 'body'
  const label = el.labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''
  return el.tagName.toLowerCase() + ':' + label
})()`
const FOCUS_IN_DIALOG = `!!document.activeElement?.closest('dialog')`
const IN_SIDEBAR = `!!document.activeElement?.closest('.sidebar')`

/** What has focus, described the way a person would say it: "input:Passphrase". */
const focused = (app: E2EApp) => app.page.evaluate<string>(FOCUSED)

/** First run and the home screen with the keyboard only: Tab order, Enter submits, Escape closes. */
describe.skipIf(e2eSkipReason())('keyboard only', () => {
  let app: E2EApp

  beforeAll(async () => {
    app = await launchApp()
  })

  afterAll(async () => {
    await app?.close()
  })

  it('goes through first run without a mouse', async () => {
    const { page } = app
    const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor()
    await h1(/A private place/)
    expect(await focused(app)).toBe('button:Set up Between')
    await page.keyboard.press('Enter')

    await h1('Choose a passphrase')
    expect(await focused(app)).toBe('input:Passphrase')
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Tab')
    expect(await focused(app)).toBe('button:Show')
    await page.keyboard.press('Tab')
    expect(await focused(app)).toBe('input:Type it again')
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')

    await h1('Your recovery key')
    const key = (await page.locator('.recovery-key__group').allInnerTexts()).join('-')
    const order: string[] = []
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab')
      order.push(await focused(app))
    }
    expect(order).toEqual(['button:Copy', 'button:Print or save as PDF', 'button:I have kept it somewhere safe'])
    await page.keyboard.press('Enter')

    await h1('Check your recovery key')
    const label = await focused(app)
    const index = Number(/Group (\d)/.exec(label)?.[1]) - 1
    await page.keyboard.type(key.split('-')[index] ?? '')
    await page.keyboard.press('Enter')

    await h1('Add your therapist')
    expect(await focused(app)).toBe('input:Name')
    // Skip with the keyboard: Shift+Tab from the submit button reaches "Skip for now".
    await page.getByRole('button', { name: 'Save and continue' }).focus()
    await page.keyboard.press('Shift+Tab')
    expect(await focused(app)).toBe('button:Skip for now')
    await page.keyboard.press('Enter')
    await h1('Your timeline')
  })

  it('opens the add-therapist dialog, traps focus in it, and Escape closes it', async () => {
    const { page } = app
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Overview' }).click()
    await page.getByRole('heading', { level: 1, name: 'Good morning' }).waitFor()
    const opener = page.getByRole('button', { name: 'Add your therapist' })
    await opener.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Add your therapist' })
    await dialog.waitFor()
    expect(await focused(app)).toBe('input:Name')
    await expectNoSeriousA11yViolations(page, { screen: 'add therapist dialog' })

    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate<boolean>(FOCUS_IN_DIALOG)).toBe(true)
    }

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await focused(app)).toBe('button:Add your therapist')
  })

  it('adds a therapist from the dialog with Enter', async () => {
    const { page } = app
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.type('Dr Amara Rao')
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    await page.getByRole('heading', { name: 'Dr Amara Rao' }).waitFor()
    expect((await app.invoke('therapists.list', {})).map((t) => t.name)).toEqual(['Dr Amara Rao'])
  })

  it('the skip link and the sidebar come first in the Tab order', async () => {
    const { page } = app
    // A fresh page has no focus: the first Tab starts at the top.
    await app.reload()
    await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    await page.keyboard.press('Tab')
    expect(await focused(app)).toBe('a:Skip to content')
    // Then the sidebar, top to bottom (features add their entries), ending with Lock.
    const stops: string[] = []
    for (let i = 0; i < 20 && stops.at(-1) !== 'button:Lock Between'; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate<boolean>(IN_SIDEBAR)).toBe(true)
      stops.push(await focused(app))
    }
    expect(stops).toContain('button:Timeline')
    expect(stops).toContain('button:Overview')
    expect(stops.at(-1)).toBe('button:Lock Between')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    // Locking then restarts the window (here: reloads the page): focus is asked of the new one,
    // not of the page the reload is about to replace.
    await app.eventsDelivered()
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    expect(await focused(app)).toBe('input:Passphrase')
  })
})
