import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseHeader } from '../../src/main/core/vault/header'
import { holdJob } from '../helpers/held-job'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, type E2EApp } from './harness'
import { expectInViewAtBothSizes } from './in-view'
import { launchWithVault } from './launch-vault'
import { shoot } from './shots'

const PASSPHRASE = 'quiet lantern orchard velvet'

/**
 * Settings → Passphrase → a new key for the journal (issue 17), by keyboard alone: the passphrase
 * to confirm (a wrong one says so and changes nothing), the rotation's step and percentage with
 * Stop in view, Stop leaving the old key, then a rotation to its end. The rotation waits before its
 * worker starts (holdJob), so its progress can be looked at on a small vault.
 */
describe.skipIf(e2eSkipReason())('Settings: re-encrypt with a new key', () => {
  const held = holdJob('vault.rotate')
  let app: E2EApp

  beforeAll(async () => {
    app = await launchWithVault({
      core: { jobs: held.jobs },
      passphrase: PASSPHRASE,
      seed: async ({ invoke }) => void (await invoke('reflections.create', { body: 'heron by the weir' })),
    })
    await app.page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
    await app.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  }, 60_000)

  afterAll(async () => {
    held.release()
    await app?.close()
  })

  const keyGeneration = (): number => parseHeader(readFileSync(join(app.dataDir, 'between.header.json'), 'utf8')).keyGeneration
  const focusedName = () => app.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
  /** Waits (a busy machine can take seconds) until `target` has the focus. */
  const expectFocused = (target: Locator) => expect.poll(() => target.evaluate((element) => element === document.activeElement), { timeout: 10_000 }).toBe(true)

  it('asks for the passphrase, shows the progress with Stop, stops, then re-encrypts — all by keyboard', async () => {
    const { page } = app
    const opener = page.getByRole('button', { name: 'Re-encrypt with a new key…' })
    // From the list of sections: Passphrase, its heading, Change passphrase, then the new key.
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Passphrase' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await focusedName()).toBe('Re-encrypt with a new key…')
    await page.keyboard.press('Enter')

    const dialog = page.getByRole('dialog', { name: 'Re-encrypt your journal with a new key' })
    const field = dialog.getByLabel('Your passphrase', { exact: true })
    await field.waitFor()
    await expectFocused(field)
    await page.keyboard.type('not the passphrase')
    await page.keyboard.press('Enter')
    await dialog.getByText('That is not the passphrase Between uses now. Nothing has changed.', { exact: false }).waitFor()
    await expectFocused(field)
    expect(keyGeneration()).toBe(1)

    await page.keyboard.type(PASSPHRASE) // the wrong one is selected: typing replaces it
    await page.keyboard.press('Enter')
    await held.waiting()
    const status = dialog.getByText('Re-encrypting your journal.', { exact: false })
    await expectFocused(status)
    // What the worker reports, pushed as main would.
    await app.push('job.progress', { op: 'rotate-key', phase: 'writing', done: 3, total: 4 })
    const bar = dialog.getByRole('progressbar', { name: 'Encrypting your journal with the new key: progress' })
    await bar.waitFor()
    await dialog.getByText('75 %').waitFor()
    await expectInViewAtBothSizes(page, dialog.locator('.job-progress'), {
      wholeHeight: true,
      picture: (size, theme) => shoot(page, `settings-rotate-key-progress-${theme}-${size.width}x${size.height}`),
    })
    await expectNoSeriousA11yViolations(page, { screen: 'settings (re-encrypting)' })

    await page.keyboard.press('Tab')
    expect(await focusedName()).toBe('Stop')
    await page.keyboard.press('Enter')
    const cancelled = page.getByText('Stopped. Your journal is as it was, with the key it had.')
    await cancelled.waitFor()
    expect(await dialog.count()).toBe(0)
    expect(keyGeneration()).toBe(1)
    await expectFocused(opener)

    // Again, and let it run to its end.
    await page.keyboard.press('Enter')
    await field.waitFor()
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')
    await held.waiting()
    held.release()
    const done = page.getByText('Your journal is encrypted with a new key.', { exact: false })
    await done.waitFor()
    expect(keyGeneration()).toBe(2)
    await expectInViewAtBothSizes(page, done, {
      wholeHeight: true,
      picture: (size, theme) => shoot(page, `settings-rotate-key-done-${theme}-${size.width}x${size.height}`),
    })
    await expectNoSeriousA11yViolations(page, { screen: 'settings (re-encrypted)' })
    // The journal reads as before.
    expect((await app.invoke('timeline.page', { limit: 10 })).items).toHaveLength(1)
  }, 60_000)
})
