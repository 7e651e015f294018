/**
 * Screenshots of the homework screens (issue 19) at 1280×800 and 800×600, with fictional content:
 * the thought record with its hot thought in view, the diary card week, check-ins with a trend and
 * the item-9 panel, and the templates. Called by scripts/screenshots.ts.
 */
import type { Page } from 'playwright-core'
import { launchApp } from '../tests/e2e/harness'
import { DEMO_PASSPHRASE, seedDemoVault } from './demo-vault'

type Shoot = (page: Page, screen: string) => Promise<void>

const DAY = 86_400_000
const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const

export async function homeworkScreens(shoot: Shoot): Promise<void> {
  const app = await launchApp({
    beforeLoad: async ({ invoke, clock }) => {
      await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
      await seedDemoVault(invoke, clock)
      const now = clock.now()
      for (const [days, answers] of [
        [28, [2, 2, 1, 2, 1, 1, 1, 1, 0]],
        [14, [1, 2, 1, 1, 1, 1, 1, 0, 0]],
        [3, [1, 1, 1, 1, 0, 1, 0, 0, 0]],
      ] as const) {
        await invoke('checkIns.create', { questionnaire: 'phq9', answers: [...answers], takenAt: now - days * DAY })
      }
      await invoke('checkIns.create', { questionnaire: 'gad7', answers: [2, 1, 2, 1, 1, 1, 1], takenAt: now - 3 * DAY })
      await invoke('thoughtRecords.create', {
        happenedAt: now - 2 * DAY,
        situation: 'Team meeting ran over; my update was cut short.',
        emotions: [{ name: 'Embarrassed', before: 70, after: 35 }],
        thoughts: [{ text: 'They think I am not up to the job', belief: 80, hot: true, traps: ['mind_reading'] }],
        evidenceFor: 'Nobody asked a question about my part.',
        evidenceAgainst: 'Two people asked for my slides afterwards.',
        balancedThought: 'The meeting ran out of time; it was not about me.',
        balancedBelief: 65,
        bringToSession: true,
      })
    },
  })
  const { page } = app
  const h1 = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor()
  const go = async (name: string, heading: string) => {
    await page.locator('.sidebar').getByRole('button', { name, exact: true }).click()
    await h1(heading)
  }
  try {
    await h1('Your timeline')
    for (const size of SIZES) {
      await page.setViewportSize(size)
      const tag = `${size.width}x${size.height}`
      await go('Thought records', 'Thought records')
      await page.locator('.homework__item').first().click()
      await page.locator('.hot-thought__text', { hasText: 'not up to the job' }).waitFor()
      await shoot(page, `homework-thought-record-${tag}`)
      await go('Diary card', 'Diary card')
      for (const [i, value] of ['2', '3', '1'].entries()) await page.getByRole('spinbutton', { name: /^Sadness, / }).nth(i).fill(value)
      await page.getByRole('checkbox', { name: /^TIPP used, / }).nth(1).check()
      await page.locator('.diary').getByRole('status').filter({ hasText: /^Saved/ }).waitFor()
      await shoot(page, `homework-diary-card-${tag}`)
      await go('Check-ins', 'Check-ins')
      await page.locator('.trend__line').first().waitFor()
      await shoot(page, `homework-check-ins-${tag}`)
      await page.getByRole('button', { name: 'Fill in the PHQ-9' }).click()
      await page.locator('.check-in-form__items > li').nth(8).getByRole('radio', { name: 'Several days' }).check()
      await page.locator('.safety-panel').waitFor()
      await shoot(page, `homework-check-in-item9-${tag}`)
      await go('Templates', 'Reflection templates')
      await shoot(page, `homework-templates-${tag}`)
    }
  } finally {
    await app.close()
  }
}
