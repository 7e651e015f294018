import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashTree } from '../helpers/data-dir'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

const PASSPHRASE = 'quiet lantern orchard velvet'
const NEW_PASSPHRASE = 'harbour kettle juniper sparrow'
const THERAPIST = 'Dr Amara Rao'

/**
 * First run and unlock, end to end: the built renderer in Chromium against the real core on a
 * temp vault. One browser for the file; the tests run in order and share the vault.
 */
describe.skipIf(e2eSkipReason())('vault: first run, lock and unlock', () => {
  let app: E2EApp
  let recoveryKey = ''

  const heading = (name: string | RegExp) => app.page.getByRole('heading', { level: 1, name })
  const passphraseInput = () => app.page.getByLabel('Passphrase', { exact: true })
  /** The overview (greeting and therapist), one click from the timeline. */
  const showOverview = async () => {
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Overview' }).click()
    await heading('Good morning').waitFor()
    await app.page.getByText(THERAPIST).first().waitFor()
  }

  beforeAll(async () => {
    app = await launchApp()
  })

  afterAll(async () => {
    await app?.close()
  })

  it('welcomes the person and says what Between promises', async () => {
    await heading('A private place for the time between sessions').waitFor()
    const text = await app.page.locator('main').innerText()
    expect(text).toContain('never connects to the internet')
    await expectNoSeriousA11yViolations(app.page, { screen: 'welcome' })
    await app.page.getByRole('button', { name: 'Set up Between' }).click()
    await heading('Choose a passphrase').waitFor()
  })

  it('refuses a weak passphrase with zxcvbn’s advice, and creates nothing', async () => {
    const { page } = app
    await passphraseInput().fill('password123')
    await page.getByLabel('Type it again').fill('password123')
    await page.getByRole('button', { name: 'Create my vault' }).click()
    const error = page.locator('.field__error').first()
    await error.waitFor()
    expect(await error.innerText()).toMatch(/easy to guess/)
    expect(await passphraseInput().getAttribute('aria-invalid')).toBe('true')
    expect(app.core.vault.status()).toBe('none')
    await expectNoSeriousA11yViolations(page, { screen: 'create vault (weak passphrase)' })
  })

  it('says when the two passphrases differ', async () => {
    const { page } = app
    await passphraseInput().fill(PASSPHRASE)
    await page.getByLabel('Type it again').fill(PASSPHRASE + ' ')
    await page.getByLabel('Type it again').press('Enter')
    await page.getByText('The two passphrases are different').waitFor()
    expect(app.core.vault.status()).toBe('none')
  })

  it('creates the vault and shows the recovery key once', async () => {
    const { page } = app
    await page.getByLabel('Type it again').fill(PASSPHRASE)
    await page.getByLabel('Type it again').press('Enter')
    await heading('Your recovery key').waitFor()
    expect(app.core.vault.status()).toBe('unlocked')

    const groups = await page.locator('.recovery-key__group').allInnerTexts()
    expect(groups).toHaveLength(6)
    for (const group of groups) expect(group).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}$/)
    recoveryKey = groups.join('-')
    await expectNoSeriousA11yViolations(page, { screen: 'recovery key' })

    // The key stays on screen however long copying it out by hand takes: no idle lock here.
    await app.clock.advance(12 * 60_000)
    await app.idleTick()
    expect(app.core.vault.status()).toBe('unlocked')
    expect(await page.locator('.recovery-key__group').count()).toBe(6)

    // Copy goes through main's guarded clipboard (the window has no clipboard permission).
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.getByText(/^Copied\. Paste it into your password manager now/).waitFor()
    expect(app.shell.clipboard).toBe(recoveryKey)
  })

  it('asks for one group back, with the key out of sight', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'I have kept it somewhere safe' }).click()
    await heading('Check your recovery key').waitFor()
    expect(await page.locator('.recovery-key__group').count()).toBe(0)
    expect(await page.content()).not.toContain(recoveryKey)

    const label = await page.getByLabel(/^Group \d$/).evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '')
    const index = Number(/Group (\d)/.exec(label)?.[1]) - 1
    const wrong = recoveryKey.split('-')[(index + 1) % 6] ?? 'ZZZZZ'
    await page.getByLabel(/^Group \d$/).fill(wrong)
    await page.getByLabel(/^Group \d$/).press('Enter')
    await page.getByText(/That does not match group/).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'confirm key (wrong group)' })

    // Lower case is fine: the core reads keys case-insensitively too.
    await page.getByLabel(/^Group \d$/).fill((recoveryKey.split('-')[index] ?? '').toLowerCase())
    await page.getByRole('button', { name: 'Continue' }).click()
    await heading('Add your therapist').waitFor()
  })

  it('adds a therapist with a way to get in touch, and opens the app', async () => {
    const { page } = app
    await expectNoSeriousA11yViolations(page, { screen: 'add therapist' })
    await page.getByLabel('Name').fill(THERAPIST)
    await page.getByLabel('Practice').fill('Riverside Counselling')
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/London')
    await page.getByRole('button', { name: 'Add a way to get in touch' }).click()
    await page.getByLabel('How').selectOption('email')
    await page.getByLabel('Email address').fill('amara.rao@riverside.example')
    await page.getByRole('button', { name: 'Save and continue' }).click()

    await heading('Your timeline').waitFor()
    await showOverview()
    const [therapist] = await app.invoke('therapists.list', {})
    expect(therapist).toMatchObject({
      name: THERAPIST,
      practice: 'Riverside Counselling',
      timeZone: 'Europe/London',
      channels: [{ channel: 'email', address: 'amara.rao@riverside.example', label: '' }],
    })
    await expectNoSeriousA11yViolations(page, { screen: 'home' })
  })

  it('locks from the sidebar; the lock screen reveals nothing', async () => {
    const { page } = app
    expect(app.shell.clipboard).toBe(recoveryKey)
    await page.getByRole('button', { name: 'Lock Between' }).click()
    await heading('Welcome back').waitFor()
    await app.eventsDelivered()
    expect(app.core.vault.status()).toBe('locked')
    // What Between copied (the recovery key) is cleared from the clipboard on lock.
    expect(app.shell.clipboard).toBe('')
    const html = await page.content()
    expect(html).not.toContain(THERAPIST)
    expect(html).not.toContain('Riverside')
    expect(await page.getByRole('navigation').count()).toBe(0)
    await expectNoSeriousA11yViolations(page, { screen: 'unlock' })
  })

  it('a wrong passphrase gets a clear, kind message and changes no byte on disk', async () => {
    const { page } = app
    const before = hashTree(app.dataDir)
    await passphraseInput().fill('not my passphrase at all')
    await passphraseInput().press('Enter')
    const error = page.getByText('That passphrase did not unlock your vault. Nothing has changed.')
    await error.waitFor()
    expect(await passphraseInput().getAttribute('aria-invalid')).toBe('true')
    expect(app.core.vault.status()).toBe('locked')
    expect(hashTree(app.dataDir)).toEqual(before)
    await expectNoSeriousA11yViolations(page, { screen: 'unlock (wrong passphrase)' })
  })

  it('unlocks with the passphrase', async () => {
    await passphraseInput().fill(PASSPHRASE)
    await passphraseInput().press('Enter')
    await heading('Your timeline').waitFor()
    await showOverview()
  })

  it('never shows the recovery key again, even after a reload', async () => {
    await app.reload()
    // The core still holds the open vault (as main does in the app), so the app comes back.
    await heading('Your timeline').waitFor()
    expect(await app.page.content()).not.toContain(recoveryKey.split('-')[0])
    await app.page.getByRole('button', { name: 'Lock Between' }).click()
    await heading('Welcome back').waitFor()
  })

  it('unlocks with the recovery key, then sets a new passphrase', async () => {
    const { page } = app
    await page.getByRole('button', { name: /Use your recovery key/ }).click()
    await heading('Use your recovery key').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'recovery key unlock' })

    // A typo is caught before any key derivation, and reported as a typo.
    await page.getByLabel('Recovery key').fill(recoveryKey.slice(0, -1))
    await page.getByLabel('Recovery key').press('Enter')
    await page.getByText('looks incomplete or has a typo').waitFor()
    expect(app.core.vault.status()).toBe('locked')

    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase().replace(/-/g, ' '))
    await page.getByRole('button', { name: 'Continue' }).click()
    await heading('Choose a new passphrase').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'new passphrase' })

    await passphraseInput().fill(NEW_PASSPHRASE)
    await page.getByLabel('Type it again').fill(NEW_PASSPHRASE)
    await page.getByRole('button', { name: 'Save new passphrase' }).click()
    await heading('Your timeline').waitFor()

    await page.getByRole('button', { name: 'Lock Between' }).click()
    await heading('Welcome back').waitFor()
    await passphraseInput().fill(PASSPHRASE)
    await passphraseInput().press('Enter')
    await page.getByText('That passphrase did not unlock your vault.').waitFor()
    await passphraseInput().fill(NEW_PASSPHRASE)
    await passphraseInput().press('Enter')
    await heading('Your timeline').waitFor()
    await showOverview()
  })

  it('pointer use keeps the vault open: ui.activity resets the idle timer', async () => {
    const { page } = app
    await page.getByText(THERAPIST).waitFor()
    await app.clock.advance(4 * 60_000)
    const before = app.shell.activity
    await page.mouse.move(200, 300)
    await page.mouse.move(260, 340)
    await expect.poll(() => app.shell.activity).toBeGreaterThan(before)
    await app.clock.advance(4 * 60_000)
    await app.idleTick()
    expect(app.core.vault.status()).toBe('unlocked')
    await page.getByText(THERAPIST).waitFor()
  })

  it('after the idle timeout the app locks itself and no content remains in the page', async () => {
    const { page } = app
    await app.clock.advance(6 * 60_000)
    await app.idleTick()
    expect(app.core.vault.status()).toBe('locked')
    expect(app.events.map((e) => e.event)).toContain('ui.flush')
    await heading('Welcome back').waitFor()
    const html = await page.content()
    expect(html).not.toContain(THERAPIST)
    expect(html).not.toContain('amara.rao')
    expect(await page.getByRole('navigation').count()).toBe(0)
  })

  it('a lock wipes the page even without the renderer restart', async () => {
    const { page } = app
    await passphraseInput().fill(NEW_PASSPHRASE)
    await passphraseInput().press('Enter')
    await heading('Your timeline').waitFor()
    await showOverview()
    // Only the event, no renderer restart: the page must drop its screens and cache by itself.
    let loads = 0
    page.on('load', () => loads++)
    app.core.vault.lock()
    await app.push('vault.locked', { reason: 'screen-lock' })
    await heading('Welcome back').waitFor()
    expect(loads).toBe(0)
    expect(await page.content()).not.toContain(THERAPIST)
    const cached = await page.evaluate(() => document.body.innerText)
    expect(cached).not.toContain('Riverside')
  })

  it('kept its promises along the way: no page errors, no network', () => {
    expect(app.pageErrors).toEqual([])
    expect(app.blockedRequests).toEqual([])
  })
})
