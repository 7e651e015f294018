/**
 * The contact check and the crisis view at 800×600 and 1280×800, as a person sees them without scrolling:
 * wait, send, another channel, park it for the session, covering clinician, crisis, and the
 * crisis view from the lock screen. Part of `npm run screenshots` (scripts/screenshots.ts).
 */
import type { Page } from 'playwright-core'
import { launchApp } from '../tests/e2e/harness'
import { DEMO_PASSPHRASE, seedDemoVault } from './demo-vault'

type Shoot = (page: Page, screen: string, options?: { grow?: boolean }) => Promise<void>

const DAY = 24 * 60 * 60_000
const HOUR = 60 * 60_000

/** The window sizes, and the suffix their screenshots carry. */
export const CONTACT_SIZES = [
  { width: 800, height: 600, suffix: '-800' },
  { width: 1280, height: 800, suffix: '-1280' },
] as const

export async function contactCheckScreens(shoot: Shoot, size: (typeof CONTACT_SIZES)[number]): Promise<void> {
  const { suffix } = size
  const app = await launchApp({
    viewport: { width: size.width, height: size.height },
    beforeLoad: async ({ invoke, clock }) => {
      await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
      await seedDemoVault(invoke, clock)
      const [therapist] = await invoke('therapists.list', {})
      // Questions about the work are kept for the sessions (the "park it" answer).
      await invoke('rules.create', {
        therapistId: therapist?.id ?? '',
        severity: 'block',
        agreementText: 'Questions about the work are best kept for our sessions.',
        agreedOn: clock.now() - 20 * DAY,
        reviewBy: null,
        active: true,
        body: { kind: 'clinical_in_session', params: { purposes: ['question'] } },
      })
    },
  })
  const start = app.clock.now()
  const { page } = app
  const headline = page.locator('.verdict-panel__headline')
  const open = async () => {
    await page.locator('.sidebar').getByRole('button', { name: 'Overview', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: /Good (morning|afternoon|evening)/ }).waitFor()
    await page.locator('.sidebar').getByRole('button', { name: 'Ready to contact?', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Ready to contact?' }).waitFor()
  }
  const ask = async (purpose: RegExp, channel: RegExp, message: string, expected: string | RegExp) => {
    await page.getByRole('radio', { name: purpose }).check()
    await page.getByRole('radio', { name: channel }).check()
    await page.getByLabel(/^Your message/).fill(message)
    await headline.filter({ hasText: expected }).waitFor()
    // Where the person's eye is: the top of the screen, the answer in its bar.
    await page.locator('main').evaluate((main) => main.scrollTo(0, 0))
  }
  try {
    await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    await open()
    // Tuesday morning: an update by email would fit better through the portal, which works now.
    await ask(/^An update/, /^Email/, 'The worry came back on Sunday evening, quieter than before.', 'portal')
    await shoot(page, `contact-other-channel${suffix}`, { grow: false })
    await page.getByRole('radio', { name: /^Patient portal/ }).check()
    await headline.filter({ hasText: 'fits' }).waitFor()
    await shoot(page, `contact-send${suffix}`, { grow: false })

    await ask(/^A question about the work/, /^Patient portal/, 'Why do Sunday evenings feel heavier than the rest of the week?', 'session')
    await shoot(page, `contact-park${suffix}`, { grow: false })

    await page.getByRole('button', { name: 'I feel unsafe right now' }).click()
    await page.getByRole('dialog', { name: 'Your crisis plan' }).waitFor()
    await page.mouse.move(1, size.height - 1) // no hover on the call links
    await shoot(page, `contact-crisis${suffix}`, { grow: false })
    await page.keyboard.press('Escape')

    // Tuesday evening, after the session: an update waits a couple of days.
    await app.clock.set(start + 10 * HOUR)
    await open()
    await ask(/^An update/, /^Patient portal/, 'Thank you for today. The bit about the Sunday calls has stayed with me.', 'wait until')
    await shoot(page, `contact-wait${suffix}`, { grow: false })

    // During the Easter break: a concern goes to the covering clinician.
    await app.clock.set(start + 14 * DAY)
    await open()
    await ask(/^A specific concern/, /^Phone call/, 'The new tablets make me dizzy in the mornings.', 'Okafor')
    await shoot(page, `contact-covering${suffix}`, { grow: false })

    // Locked: "Need help now?" opens the app's own numbers, nothing from the vault.
    await app.lock('manual')
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    await shoot(page, `unlock-help${suffix}`, { grow: false })
    await page.getByRole('button', { name: 'Need help now?' }).click()
    await page.getByRole('dialog', { name: 'Help now' }).waitFor()
    await page.mouse.move(1, size.height - 1)
    await shoot(page, `crisis-lock${suffix}`, { grow: false })
  } finally {
    await app.close()
  }
}
