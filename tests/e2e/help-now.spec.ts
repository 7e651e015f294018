import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations } from './axe'
import { at, h1, openScreen, seedScenario } from './between-seed'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

/**
 * Issue 15's checks: the contact check's answer inside the viewport at every size, the keyboard
 * path, and the crisis view one action away from every screen and from the lock screen, with Tab
 * kept inside it.
 */
const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const

/** The element's box lies wholly inside the window. */
async function insideViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox()
  const view = page.viewportSize()
  if (!box || !view) return false
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width + 0.5 && box.y + box.height <= view.height + 0.5
}

/** Whether the focused element is inside the open crisis dialog. */
const focusInDialog = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest('dialog.crisis-view[open]')))

describe.skipIf(e2eSkipReason())('The answer first, and help one action away', () => {
  let app: E2EApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  const launch = async (now: number) => {
    app = await launchApp({
      now,
      beforeLoad: async ({ invoke }) => {
        const seeded = await seedScenario(invoke, { attended: true })
        await invoke('crisisPlan.save', {
          copingStrategies: ['Cold water on my face'],
          helpers: [{ name: 'Mira', phone: '07700 900456' }],
          crisisLines: [{ name: 'Samaritans', phone: '116 123', url: '' }],
          emergencyNumber: '999',
        })
        void seeded
      },
    })
    await h1(app, 'Your timeline')
    return app
  }

  it('the verdict’s headline and its action are inside the window at 800×600, 1280×800 and 1920×1080, and change in place', async () => {
    const app = await launch(at(10, 19, 30))
    const { page } = app
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await openScreen(app, 'Ready to contact?')
      await page.getByRole('radio', { name: /^An update/ }).check()
      await page.getByRole('radio', { name: /^Text message/ }).check()
      const headline = page.locator('.verdict-panel__headline')
      await expect.poll(() => headline.innerText()).toBe('This can wait until Monday 09:00.')
      // Wherever the person scrolled to while choosing, the answer is in view.
      for (const scroll of ['top', 'bottom'] as const) {
        await page.locator('main').evaluate((main, where) => main.scrollTo(0, where === 'top' ? 0 : main.scrollHeight), scroll)
        expect(await insideViewport(page, '.verdict-panel__headline'), `headline at ${size.width}×${size.height}, ${scroll}`).toBe(true)
        expect(await insideViewport(page, '.verdict-panel__primary .btn'), `primary action at ${size.width}×${size.height}, ${scroll}`).toBe(true)
        // On narrow windows the whole bar is in view, down to "Show the reasons" (none of it tucked under the edge).
        if (await page.getByRole('button', { name: 'Show the reasons' }).isVisible()) {
          expect(await insideViewport(page, '.verdict-panel'), `the whole answer bar at ${size.width}×${size.height}, ${scroll}`).toBe(true)
        }
      }
      // The action's words stay inside the answer (a long one wraps, it does not spill out).
      const action = await page.locator('.verdict-panel__primary .btn').boundingBox()
      const answer = await page.locator('.verdict-panel').boundingBox()
      expect(action && answer && action.x >= answer.x && action.x + action.width <= answer.x + answer.width, `action inside the answer at ${size.width}×${size.height}`).toBe(true)
      expect(await page.locator('.verdict-panel__primary .btn').evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true)
      // A field reached with Tab is never hidden under the answer bar.
      await page.locator('main').evaluate((main) => main.scrollTo(0, 0))
      await page.getByRole('radio', { name: /^Text message/ }).focus()
      await page.keyboard.press('Tab')
      const field = await page.getByLabel(/^Your message/).boundingBox()
      const panel = await page.locator('.verdict-panel').boundingBox()
      expect(field && panel && (field.y + field.height <= panel.y || field.x + field.width <= panel.x), `message field clear of the answer at ${size.width}×${size.height}`).toBe(true)
      // Another purpose changes the answer in place; nothing moves under the pointer.
      const significant = page.getByRole('radio', { name: /^A significant event/ })
      await significant.check()
      const before = await significant.boundingBox()
      await expect.poll(() => headline.innerText()).toMatch(/^This can wait until Wednesday 09:00/)
      expect(await significant.boundingBox()).toEqual(before)
      expect(await insideViewport(page, '.verdict-panel__headline')).toBe(true)
      await page.getByRole('radio', { name: /^An update/ }).check()
      await expect.poll(() => headline.innerText()).toBe('This can wait until Monday 09:00.')
      // Each failing agreement says when it clears (one press away on narrow windows).
      const toggle = page.getByRole('button', { name: 'Show the reasons' })
      if (await toggle.isVisible()) await toggle.click()
      expect(await page.locator('.check-line--fail .check-line__clears').first().innerText()).toMatch(/^Clears on /)
      await expectNoSeriousA11yViolations(page, { screen: `ready to contact ${size.width}×${size.height}` })
      await openScreen(app, 'Agreements')
    }
  })

  it('the keyboard-only check: a verdict and its action in at most 6 key presses', async () => {
    const app = await launch(at(11, 10))
    const { page } = app
    await openScreen(app, 'Ready to contact?')
    // Heading has focus; Tab past "I feel unsafe right now" into the purposes.
    const presses = ['Tab', 'Tab', 'ArrowDown', 'Control+Enter']
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    for (const key of presses.slice(0, 3)) await page.keyboard.press(key)
    expect(await page.getByRole('radio', { name: /^Admin or billing/ }).isChecked()).toBe(true)
    await expect.poll(() => page.locator('.verdict-panel__headline').innerText()).toBe('This can wait until Monday 09:00.')
    expect(await page.locator('.verdict-panel__keys').innerText()).toContain('Ctrl+Enter')
    await page.keyboard.press(presses[3] as string)
    await page.getByText(/Saved as a draft. Between will remind you on Monday/).waitFor()
    const [draft] = await app.invoke('drafts.list', {})
    expect(draft).toMatchObject({ purpose: 'admin', channel: 'email', remindAt: at(16, 9) })
    expect(presses.length).toBeLessThanOrEqual(6)

    // Another purpose and channel, with the arrows only: six presses to the answer.
    await openScreen(app, 'Agreements')
    await openScreen(app, 'Ready to contact?')
    const more = ['Tab', 'Tab', 'ArrowDown', 'ArrowDown', 'Tab', 'ArrowDown']
    for (const key of more) await page.keyboard.press(key)
    expect(await page.getByRole('radio', { name: /^An update/ }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: /^Text message/ }).isChecked()).toBe(true)
    await expect.poll(() => page.locator('.verdict-panel__headline').innerText()).toBe('This can wait until Monday 09:00.')
    expect(more.length).toBeLessThanOrEqual(6)
  })

  it('opens the crisis view in one action from every screen: the button, the shortcut and the menu; Tab stays inside; focus comes back', async () => {
    const app = await launch(at(11, 20))
    const { page } = app
    const view = page.getByRole('dialog', { name: 'Your crisis plan' })
    const help = page.getByRole('button', { name: 'I need help now' })
    expect(await help.getAttribute('title')).toContain('Ctrl+Shift+H')
    const screens = ['Timeline', 'Overview', 'Next session', 'Agreements', 'Crisis plan', 'Settings', 'Ready to contact?']
    for (const name of screens) {
      await page.locator('.sidebar').getByRole('button', { name, exact: true }).click()
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      // 1. The frame's button: one click.
      await help.click()
      await view.waitFor()
      expect(await view.getByRole('link', { name: /Samaritans/ }).getAttribute('href')).toBe('tel:116123')
      await page.keyboard.press('Escape')
      await view.waitFor({ state: 'hidden' })
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('I need help now')
      // 2. The shortcut, from wherever focus is.
      await page.keyboard.press('Control+Shift+H')
      await view.waitFor()
      await page.keyboard.press('Escape')
      await view.waitFor({ state: 'hidden' })
      // 3. The menu's Help > Get help now (main pushes ui.crisis).
      await app.push('ui.crisis', {})
      await view.waitFor()
      await page.keyboard.press('Escape')
      await view.waitFor({ state: 'hidden' })
    }

    await help.click()
    await view.waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'crisis view from the frame' })
    // Tab and Shift+Tab go round inside the view, never behind it or out of the page.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      expect(await focusInDialog(page), `Tab ${i + 1}`).toBe(true)
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab')
      expect(await focusInDialog(page), `Shift+Tab ${i + 1}`).toBe(true)
    }
    // Editing the plan is a separate, secondary action.
    await view.getByRole('button', { name: 'Edit the plan' }).click()
    await h1(app, 'Your crisis plan')
  })

  it('before unlock: "Need help now?" and the shortcut open the app’s own numbers, nothing from the vault', async () => {
    const app = await launch(at(11, 20))
    const { page } = app
    await app.lock('manual')
    await h1(app, 'Welcome back')
    const view = page.getByRole('dialog', { name: 'Help now' })
    for (const size of SIZES) {
      await page.setViewportSize(size)
      expect(await insideViewport(page, '.lock-crisis'), `lock-screen help at ${size.width}×${size.height}`).toBe(true)
    }
    await page.setViewportSize({ width: 800, height: 600 })
    await page.getByRole('button', { name: 'Need help now?' }).click()
    await view.waitFor()
    expect(await view.innerText()).not.toContain('Mira')
    expect(await view.locator('.crisis-call').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['tel:999', 'tel:116123'])
    expect(await insideViewport(page, '.crisis-call--emergency')).toBe(true)
    await expectNoSeriousA11yViolations(page, { screen: 'crisis view from the lock screen' })
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab')
      expect(await focusInDialog(page), `Tab ${i + 1}`).toBe(true)
    }
    await view.locator('.crisis-call').first().click()
    await expect.poll(() => app.shell.opened).toEqual(['tel:999'])
    expect(app.core.vault.status()).toBe('locked')
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'hidden' })
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Need help now?')
    await page.keyboard.press('Control+Shift+H')
    await view.waitFor()
    await page.keyboard.press('Escape')
    // The recovery-key screen has it too.
    await page.getByRole('button', { name: /Use your recovery key/ }).click()
    await h1(app, 'Use your recovery key')
    await page.getByRole('complementary', { name: 'Need help now?' }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'recovery unlock with help' })
  })

  it('never a dead end: a channel with no address recorded says to add it, never suggests it; the therapist’s clock where it differs', async () => {
    // Update through the portal, but no portal address recorded; the therapist is in New York.
    app = await launchApp({
      now: at(10, 23),
      beforeLoad: async ({ invoke }) => {
        await invoke('vault.create', { passphrase: 'quiet lantern orchard velvet' })
        const therapist = await invoke('therapists.create', {
          name: 'Dr Lee',
          practice: '',
          timeZone: 'America/New_York',
          channels: [{ channel: 'email', address: 'lee@clinic.example', label: '' }],
        })
        const common = { therapistId: therapist.id, severity: 'block', agreementText: '', agreedOn: at(3, 12), reviewBy: null, active: true } as const
        await invoke('rules.create', { ...common, body: { kind: 'channel_for_purpose', params: { allowed: [{ purposes: ['update'], channels: ['portal'] }], never: [] } } })
        await invoke('rules.create', {
          ...common,
          body: { kind: 'contact_hours', params: { windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }], exemptPurposes: [], exemptChannels: [] } },
        })
      },
    })
    const { page } = app
    await h1(app, 'Your timeline')
    await openScreen(app, 'Ready to contact?')
    const headline = page.locator('.verdict-panel__headline')
    await page.getByRole('radio', { name: /^An update/ }).check()
    await expect.poll(() => headline.innerText()).toBe('This would fit better as a portal message.')
    expect(await page.locator('.verdict-panel__note').innerText()).toBe('Between has no address for the portal yet. Add it to Dr Lee’s details, and this can go that way.')
    expect(await page.getByRole('button', { name: 'Use the portal instead' }).count()).toBe(0)
    // Scheduling by email: 23:00 in London is 19:00 in New York, after hours there.
    await page.getByRole('radio', { name: /^Scheduling/ }).check()
    await expect.poll(() => headline.innerText()).toBe('This can wait until Wednesday 13:00.')
    expect(await page.locator('.verdict-panel__note').innerText()).toBe('That is 09:00 in New York.')
    await page.getByRole('radio', { name: /^An update/ }).check()
    await page.getByRole('button', { name: 'Add the address for the portal' }).click()
    await h1(app, /Good (morning|afternoon|evening)/)
  })

  it('no agreements yet, and no therapist yet: one sentence and the button for it; "I feel unsafe" still opens the crisis view', async () => {
    app = await launchApp({
      now: at(11, 10),
      beforeLoad: async ({ invoke }) => {
        await invoke('vault.create', { passphrase: 'quiet lantern orchard velvet' })
      },
    })
    const { page } = app
    await h1(app, 'Your timeline')
    await openScreen(app, 'Ready to contact?')
    await page.getByText('Add your therapist first').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'ready to contact (no therapist)' })
    // Crisis first, before any therapist or agreement exists.
    await page.getByRole('button', { name: 'I feel unsafe right now' }).click()
    const view = page.getByRole('dialog', { name: 'Your crisis plan' })
    await view.waitFor()
    expect(await view.locator('.crisis-call').first().getAttribute('href')).toBe('tel:999')
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: 'Add your therapist' }).click()
    await h1(app, /Good (morning|afternoon|evening)/)

    await app.invoke('therapists.create', { name: 'Dr Lee', practice: '', timeZone: 'Europe/London', channels: [] })
    await openScreen(app, 'Ready to contact?')
    await page.getByRole('radio', { name: /^An update/ }).check()
    await page.getByText('There are no agreements with Dr Lee yet, so there is nothing to check against.', { exact: false }).waitFor()
    await page.getByRole('button', { name: 'Add an agreement' }).click()
    await h1(app, 'Agreements')
  })
})
