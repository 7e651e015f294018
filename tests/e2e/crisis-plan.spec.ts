import { afterEach, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations } from './axe'
import { at, h1, openScreen, PASSPHRASE, seedScenario } from './between-seed'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

/** The crisis plan editor (Stanley–Brown), the built-in numbers, and the lock-screen opt-in. */
describe.skipIf(e2eSkipReason())('Crisis plan', () => {
  let app: E2EApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('writes the plan section by section, with the well-known numbers as a start, and saves it encrypted', async () => {
    app = await launchApp({ now: at(11, 20), beforeLoad: async ({ invoke }) => void (await seedScenario(invoke)) })
    await h1(app, 'Your timeline')
    await openScreen(app, 'Crisis plan')
    const { page } = app
    await expectNoSeriousA11yViolations(page, { screen: 'crisis plan (empty)' })

    await page.getByRole('button', { name: 'Add a warning sign' }).click()
    // The new row's field has focus, so typing can go straight on.
    await page.keyboard.type('Not sleeping for days')
    await page.getByRole('button', { name: 'Add something I can do' }).click()
    await page.keyboard.type('Cold water on my face')
    await page.getByRole('button', { name: 'Add a person', exact: true }).click()
    await page.getByRole('textbox', { name: 'Name 1' }).first().fill('Mira')
    await page.getByLabel('Phone number').first().fill('07700 900456')
    await page.getByRole('button', { name: 'Add a reason' }).click()
    await page.keyboard.type('My nephew')

    // The built-in list for the locale's country (en-GB here), clearly editable.
    expect(await page.getByLabel('Country').inputValue()).toBe('GB')
    await page.getByRole('button', { name: 'Use these numbers' }).click()
    await page.getByText('Added the numbers for United Kingdom. Check them, then save.').waitFor()
    expect(await page.getByLabel('Emergency number', { exact: true }).inputValue()).toBe('999')
    expect(await page.getByRole('textbox', { name: 'Name of the line 1' }).inputValue()).toBe('Samaritans')
    await expectNoSeriousA11yViolations(page, { screen: 'crisis plan (filled)' })
    await page.getByRole('button', { name: 'Save plan' }).click()
    await page.getByText('Plan saved.').waitFor()

    const plan = await app.invoke('crisisPlan.get', {})
    expect(plan).toMatchObject({
      warningSigns: ['Not sleeping for days'],
      copingStrategies: ['Cold water on my face'],
      helpers: [{ name: 'Mira', phone: '07700 900456' }],
      crisisLines: [{ name: 'Samaritans', phone: '116 123', url: '' }],
      emergencyNumber: '999',
      reasonsToLive: ['My nephew'],
    })
  })

  it('the lock screen always offers help with the app’s own numbers; the person’s own line only when asked to', async () => {
    app = await launchApp({
      now: at(11, 20),
      beforeLoad: async ({ invoke }) => {
        await invoke('vault.create', { passphrase: PASSPHRASE })
        await invoke('crisisPlan.save', { crisisLines: [{ name: 'Samaritans', phone: '116 123', url: '' }], emergencyNumber: '999', reasonsToLive: ['My nephew'] })
      },
    })
    await h1(app, 'Your timeline')
    await openScreen(app, 'Crisis plan')
    const { page } = app

    // By default: "Need help now?" with the well-known numbers for the region (en-GB), nothing from the vault.
    await app.lock('manual')
    await h1(app, 'Welcome back')
    const help = page.getByRole('complementary', { name: 'Need help now?' })
    expect(await help.getByRole('link').allInnerTexts()).toEqual(['Emergency: 999', 'Samaritans: 116 123'])
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await h1(app, 'Your timeline')
    await openScreen(app, 'Crisis plan')

    await page.getByRole('checkbox', { name: /^Show my own numbers on the lock screen \(kept outside the vault\)/ }).check()
    expect(await page.getByLabel('Crisis line to show').inputValue()).toBe('Samaritans|116 123')
    await page.getByLabel('Emergency number to show').fill('0800 555 0111')
    await page.getByRole('button', { name: 'Save lock screen settings' }).click()
    await page.getByText('Lock screen settings saved.').waitFor()

    await app.lock('manual')
    await h1(app, 'Welcome back')
    await help.waitFor()
    expect(await help.innerText()).not.toContain('My nephew')
    const samaritans = help.getByRole('link', { name: 'Samaritans: 116 123' })
    expect(await samaritans.getAttribute('href')).toBe('tel:116123')
    expect(await help.getByRole('link', { name: 'Emergency: 999' }).getAttribute('href')).toBe('tel:999')
    // The person's own number, kept outside the vault because they chose it.
    expect(await help.getByRole('link', { name: 'Emergency: 0800 555 0111' }).getAttribute('href')).toBe('tel:08005550111')
    await expectNoSeriousA11yViolations(page, { screen: 'lock screen with crisis line' })
    // One click, still locked: the core lets the app's own numbers through.
    await samaritans.click()
    await expect.poll(() => app?.shell.opened).toEqual(['tel:116123'])
    expect(app.core.vault.status()).toBe('locked')
  })
})
