/**
 * npm run screenshots: every screen, light and dark, into docs/screenshots/<screen>-<theme>.png.
 * Runs the built renderer through the e2e harness (real core, temp vaults, fictional content).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { e2eSkipReason, launchApp, type E2EApp } from '../tests/e2e/harness'
import { DEMO_PASSPHRASE, seedDemoVault } from './demo-vault'

const OUT = join(process.cwd(), 'docs', 'screenshots')
const THEMES = ['light', 'dark'] as const
const only = process.argv.slice(2)
const written: string[] = []

async function shoot(page: Page, screen: string): Promise<void> {
  if (only.length > 0 && !only.some((name) => screen.includes(name))) return
  // The app shell scrolls inside <main>; grow the window to the content so nothing is cut off.
  const viewport = page.viewportSize() ?? { width: 1280, height: 860 }
  const needed = await page.evaluate(() => {
    const main = document.querySelector('main')
    const scroller = main && main.scrollHeight > main.clientHeight ? main.scrollHeight - main.clientHeight : 0
    return document.documentElement.scrollHeight + scroller
  })
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, needed), 4000) })
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme })
    const path = join(OUT, `${screen}-${theme}.png`)
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
    written.push(path)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize(viewport)
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor()

async function firstRun(): Promise<void> {
  const app = await launchApp()
  try {
    const { page } = app
    await h1(page, /A private place/)
    await shoot(page, 'welcome')

    await page.getByRole('button', { name: 'Set up Between' }).click()
    await h1(page, 'Choose a passphrase')
    await page.getByLabel('Passphrase', { exact: true }).fill('sunshine1')
    await page.getByLabel('Type it again').fill('sunshine1')
    await page.getByRole('button', { name: 'Create my vault' }).click()
    await page.locator('.field__error').first().waitFor()
    await shoot(page, 'create-passphrase-weak')

    await page.getByLabel('Passphrase', { exact: true }).fill(DEMO_PASSPHRASE)
    await page.getByLabel('Type it again').fill(DEMO_PASSPHRASE)
    await page.locator('.strength[data-score="4"], .strength[data-score="3"]').waitFor()
    await shoot(page, 'create-passphrase')

    await page.getByRole('button', { name: 'Create my vault' }).click()
    await h1(page, 'Your recovery key')
    const key = (await page.locator('.recovery-key__group').allInnerTexts()).join('-')
    await shoot(page, 'recovery-key')

    await page.getByRole('button', { name: 'I have kept it somewhere safe' }).click()
    await h1(page, 'Check your recovery key')
    await page.getByLabel(/^Group \d$/).fill('ABC')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByText(/That does not match/).waitFor()
    await shoot(page, 'confirm-key-wrong')
    const label = (await page.locator('label', { hasText: /^Group \d$/ }).innerText()).trim()
    const index = Number(label.replace('Group ', '')) - 1
    await page.getByLabel(/^Group \d$/).fill(key.split('-')[index] ?? '')
    await shoot(page, 'confirm-key')
    await page.getByRole('button', { name: 'Continue' }).click()

    await h1(page, 'Add your therapist')
    await shoot(page, 'add-therapist-empty')
    await page.getByLabel('Name').fill('Dr Amara Rao')
    await page.getByLabel('Practice').fill('Riverside Counselling')
    await page.getByRole('button', { name: 'Add a way to get in touch' }).click()
    await page.getByLabel('Email address').fill('amara.rao@riverside-counselling.example')
    await page.getByLabel('Note').fill('For scheduling and short updates')
    await page.getByRole('button', { name: 'Add a way to get in touch' }).click()
    await page.getByLabel('How').nth(1).selectOption('phone')
    await page.getByLabel('Phone number').fill('020 7946 0321')
    await shoot(page, 'add-therapist')
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await page.getByRole('button', { name: 'Skip for now' }).waitFor({ state: 'detached' }).catch(() => undefined)
    await h1(page, /Good (morning|afternoon|evening)/)
    await page.getByText('Dr Amara Rao').first().waitFor()
  } finally {
    await app.close()
  }
}

async function emptyHome(): Promise<void> {
  const app = await launchApp({
    beforeLoad: async ({ invoke }) => {
      await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
    },
  })
  try {
    const { page } = app
    await h1(page, /Good (morning|afternoon|evening)/)
    await page.getByRole('heading', { name: 'No therapist added yet' }).waitFor()
    await shoot(page, 'home-empty')
    await page.getByRole('button', { name: 'Add your therapist' }).click()
    await page.getByRole('dialog').waitFor()
    await shoot(page, 'home-add-therapist-dialog')
  } finally {
    await app.close()
  }
}

async function demoVault(): Promise<void> {
  let recoveryKey = ''
  const app: E2EApp = await launchApp({
    beforeLoad: async ({ core, invoke, clock }) => {
      recoveryKey = (await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })).recoveryKey
      await seedDemoVault(invoke, clock)
      core.lock('manual')
    },
  })
  try {
    const { page } = app
    await h1(page, 'Welcome back')
    await shoot(page, 'unlock')

    await page.getByLabel('Passphrase', { exact: true }).fill('quiet lantern orchard')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByText('That passphrase did not unlock your vault.').waitFor()
    await shoot(page, 'unlock-wrong')

    await page.getByLabel('Passphrase', { exact: true }).fill(DEMO_PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await h1(page, /Good (morning|afternoon|evening)/)
    await page.getByText('Dr Amara Rao').first().waitFor()
    await shoot(page, 'home')

    await app.lock('manual')
    await h1(page, 'Welcome back')

    await page.getByRole('button', { name: /Use your recovery key/ }).click()
    await h1(page, 'Use your recovery key')
    await shoot(page, 'recovery-unlock')
    await page.getByLabel('Recovery key').fill(recoveryKey.slice(0, 20))
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByText(/looks incomplete/).waitFor()
    await shoot(page, 'recovery-unlock-typo')
    await page.getByLabel('Recovery key').fill(recoveryKey)
    await page.getByRole('button', { name: 'Continue' }).click()
    await h1(page, 'Choose a new passphrase')
    await page.getByLabel('Passphrase', { exact: true }).fill('harbour kettle')
    await page.locator('.strength[data-score]').waitFor()
    await shoot(page, 'new-passphrase')
  } finally {
    await app.close()
  }
}

async function main(): Promise<void> {
  const reason = e2eSkipReason()
  if (reason) {
    process.stdout.write(`${reason}\n`)
    return
  }
  mkdirSync(OUT, { recursive: true })
  await firstRun()
  await emptyHome()
  await demoVault()
  process.stdout.write(`Wrote ${written.length} screenshots to ${OUT}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
