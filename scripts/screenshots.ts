/**
 * npm run screenshots: every screen, light and dark, into docs/screenshots/<screen>-<theme>.png,
 * then again in an 800×600 window as <screen>-800-<theme>.png (`-- --only-800` for just those).
 * The 800×600 ones show the window as it is, without growing it to the content.
 * Runs the built renderer through the e2e harness (real core, temp vaults, fictional content).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { e2eSkipReason, launchApp, type E2EApp } from '../tests/e2e/harness'
import { fakeDialogs } from '../tests/helpers/fake-ports'
import { DEMO_PASSPHRASE, seedDemoVault } from './demo-vault'
import { CONTACT_SIZES, contactCheckScreens } from './screenshots-contact'
import { homeworkScreens } from './homework-screenshots'

const OUT = join(process.cwd(), 'docs', 'screenshots')
const THEMES = ['light', 'dark'] as const
const ONLY_800 = '--only-800'
const only = process.argv.slice(2).filter((arg) => arg !== ONLY_800)
const written: string[] = []

/** The window the flows run in: the default (grown to the content) or a fixed small one. */
const mode: { suffix: string; viewport?: { width: number; height: number } } = { suffix: '' }
const SMALL = { suffix: '-800', viewport: { width: 800, height: 600 } }
const launch: typeof launchApp = (options = {}) => launchApp({ ...(mode.viewport ? { viewport: mode.viewport } : {}), ...options })

/** `grow: false` keeps the window as it is: what a person sees without scrolling. */
async function shoot(page: Page, screen: string, { grow = true }: { grow?: boolean } = {}): Promise<void> {
  if (only.length > 0 && !only.some((name) => screen.includes(name))) return
  // No hover left over from the last click (a second item would look current).
  await page.mouse.move(0, 0)
  if (mode.viewport) {
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme })
      const path = join(OUT, `${screen}${mode.suffix}-${theme}.png`)
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
      written.push(path)
    }
    await page.emulateMedia({ colorScheme: 'light' })
    return
  }
  // The app shell scrolls inside <main>; grow the window to the content so nothing is cut off.
  const viewport = page.viewportSize() ?? { width: 1280, height: 860 }
  const needed = await page.evaluate(() => {
    const main = document.querySelector('main')
    const scroller = main && main.scrollHeight > main.clientHeight ? main.scrollHeight - main.clientHeight : 0
    return document.documentElement.scrollHeight + scroller
  })
  if (grow) await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, needed), 4000) })
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
/** From the timeline (home) to the overview: greeting and therapist. */
const overview = async (page: Page) => {
  await page.locator('.sidebar').getByRole('button', { name: 'Overview', exact: true }).click()
  await h1(page, /Good (morning|afternoon|evening)/)
}

async function firstRun(): Promise<void> {
  const app = await launch()
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
    await page.getByLabel('Pronouns').fill('she/her')
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
    await h1(page, 'Your timeline')
    await overview(page)
    await page.getByText('Dr Amara Rao').first().waitFor()
  } finally {
    await app.close()
  }
}

async function emptyHome(): Promise<void> {
  const app = await launch({
    beforeLoad: async ({ invoke }) => {
      await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
    },
  })
  try {
    const { page } = app
    await h1(page, 'Your timeline')
    await overview(page)
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
  const app: E2EApp = await launch({
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
    await h1(page, 'Your timeline')
    await overview(page)
    await page.getByText('Dr Amara Rao').first().waitFor()
    await shoot(page, 'home')
    await page.getByRole('button', { name: 'Edit Dr Amara Rao' }).click()
    await page.getByRole('dialog', { name: 'Edit your therapist' }).waitFor()
    await shoot(page, 'home-edit-therapist')
    await page.keyboard.press('Escape')

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

/** Ready to contact?, the crisis view, the next session page, agreements and the crisis plan. */
async function contactPrepAgreements(): Promise<void> {
  const app: E2EApp = await launch({
    beforeLoad: async ({ invoke, clock }) => {
      await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
      await seedDemoVault(invoke, clock)
    },
  })
  try {
    const { page } = app
    const sidebar = page.locator('.sidebar')
    const go = async (name: string, heading: string | RegExp) => {
      await sidebar.getByRole('button', { name, exact: true }).click()
      await h1(page, heading)
    }
    await h1(page, 'Your timeline')
    await page.keyboard.press('?')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    await shoot(page, 'help-sheet')
    await page.keyboard.press('Escape')

    // Ready to contact? on Tuesday morning: an update by text points to the portal.
    await go('Ready to contact?', 'Ready to contact?')
    await shoot(page, 'contact-start')
    await page.getByRole('radio', { name: /^An update/ }).check()
    await page.getByRole('radio', { name: /^Text message/ }).check()
    await page.getByLabel(/^Your message/).fill('The worry came back on Sunday evening, quieter than before. I wrote it down and it helped.')
    await page.locator('.verdict-panel__headline', { hasText: 'portal' }).waitFor()
    await shoot(page, 'contact-other-channel')
    await page.getByRole('radio', { name: /^Patient portal/ }).check()
    await page.locator('.verdict-panel__headline', { hasText: 'fits' }).waitFor()
    await shoot(page, 'contact-send')
    await page.getByRole('button', { name: 'I feel unsafe right now' }).click()
    await page.getByRole('dialog', { name: 'Your crisis plan' }).waitFor()
    await page.mouse.move(1, 1) // no hover on the call links
    await shoot(page, 'crisis-view')
    await page.keyboard.press('Escape')

    // Tuesday evening, after the session: the same update waits; send anyway is there.
    await app.clock.set(app.clock.now() + 10 * 60 * 60_000)
    await go('Overview', /Good (morning|afternoon|evening)/)
    await go('Ready to contact?', 'Ready to contact?')
    await page.getByRole('radio', { name: /^An update/ }).check()
    await page.getByRole('radio', { name: /^Patient portal/ }).check()
    await page.getByLabel(/^Your message/).fill('Thank you for today. The bit about the Sunday calls has stayed with me.')
    await page.locator('.verdict-panel__headline', { hasText: 'wait until' }).waitFor()
    await shoot(page, 'contact-wait')
    await page.getByRole('button', { name: 'Send anyway' }).click()
    await shoot(page, 'contact-send-anyway')
    await page.getByRole('button', { name: 'Log a reply I received' }).click()
    await page.getByRole('dialog', { name: 'Log a reply' }).waitFor()
    await shoot(page, 'contact-log-reply')
    await page.keyboard.press('Escape')

    // The next session page, then its review (the session at 17:00 has happened).
    await go('Next session', 'Next session')
    await page.locator('[data-testid="talking-point"]').first().waitFor()
    await shoot(page, 'next-session')
    await page.getByRole('button', { name: 'Save as PDF' }).click()
    await page.getByRole('alertdialog').waitFor()
    await shoot(page, 'next-session-pdf-confirm')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Review the session' }).click()
    await page.getByRole('heading', { name: /^Your session on/ }).waitFor()
    await shoot(page, 'session-review')
    await page.getByRole('button', { name: 'Cancel' }).click()

    // Agreements, with one review due.
    const [therapist] = await app.invoke('therapists.list', {})
    const rules = await app.invoke('rules.list', { therapistId: therapist?.id ?? null, includeRetired: false })
    const reply = rules.find((r) => r.body.kind === 'response_expectation')
    if (reply) await app.invoke('rules.update', { id: reply.id, patch: { reviewBy: app.clock.now() - 24 * 60 * 60_000 } })
    await go('Agreements', 'Agreements')
    await page.locator('.reviews').waitFor()
    await shoot(page, 'agreements')
    await page.locator('.rule', { hasText: 'No contact for 48 hours' }).last().getByRole('button', { name: /^History/ }).click()
    await page.getByRole('dialog', { name: 'History of this agreement' }).waitFor()
    await shoot(page, 'agreement-history')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Add an agreement' }).click()
    await page.getByRole('heading', { name: 'Add an agreement' }).waitFor()
    await shoot(page, 'agreement-kinds')
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await page.getByRole('heading', { name: /Add an agreement: / }).waitFor()
    await shoot(page, 'agreement-form')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Start with the common questions' }).click()
    await page.getByRole('radio', { name: 'After two days' }).check()
    await shoot(page, 'starter-questions')
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next', exact: true }).click()
    await page.getByRole('heading', { name: 'These agreements will be added' }).waitFor()
    await shoot(page, 'starter-summary')
    await page.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Add an absence' }).click()
    await page.getByRole('dialog', { name: 'Add an absence' }).waitFor()
    await shoot(page, 'absence-dialog')
    await page.keyboard.press('Escape')

    // The crisis plan, and the lock screen once the person chose to show a line there.
    await go('Crisis plan', 'Your crisis plan')
    await shoot(page, 'crisis-plan')
    await page.getByRole('checkbox', { name: /^Show my own numbers on the lock screen/ }).check()
    await page.getByRole('button', { name: 'Save lock screen settings' }).click()
    await page.getByText('Lock screen settings saved.').waitFor()
    await app.lock('manual')
    await h1(page, 'Welcome back')
    await page.getByRole('complementary', { name: 'Need help now?' }).waitFor()
    await shoot(page, 'unlock-with-crisis-line')
  } finally {
    await app.close()
  }
}

/** The timeline, search, filters, mood, and the session and reflection editors (DESIGN: part 1). */
async function timelineAndJournal(): Promise<void> {
  const app = await launch({
    beforeLoad: async ({ invoke, clock }) => {
      await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
      await seedDemoVault(invoke, clock)
    },
  })
  try {
    const { page } = app
    const panel = page.getByRole('complementary', { name: 'Details' })
    const feed = page.getByRole('feed', { name: 'Timeline entries' })
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click()
    await h1(page, 'Your timeline')
    await feed.getByRole('article').first().waitFor()
    await shoot(page, 'timeline')

    await feed.getByRole('article').filter({ hasText: 'Sunday call with Mira' }).click()
    await panel.getByRole('heading', { name: 'Reflection' }).waitFor()
    await shoot(page, 'timeline-reflection')
    await panel.getByRole('button', { name: 'Preview' }).click()
    await panel.locator('.markdown').waitFor()
    await shoot(page, 'timeline-reflection-preview')
    await panel.getByRole('button', { name: 'Delete reflection' }).click()
    await page.getByRole('alertdialog').waitFor()
    await shoot(page, 'timeline-delete-confirm')
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('button', { name: 'Undo' }).waitFor()
    await shoot(page, 'timeline-undo')
    await page.getByRole('button', { name: 'Undo' }).click()
    await page.getByText('Put back.').waitFor()
    await page.getByRole('button', { name: 'Dismiss' }).click()

    await feed.getByRole('heading', { level: 2 }).nth(1).click()
    await panel.getByRole('heading', { name: 'Session' }).waitFor()
    await shoot(page, 'timeline-session')
    await panel.getByRole('button', { name: 'Close' }).last().click()

    // The list keeps only the rows in view: scroll down until the contact is there.
    const contact = feed.getByRole('article').filter({ hasText: 'Thanked her and said next week is fine.' })
    for (let i = 0; i < 30 && (await contact.count()) === 0; i++) await page.locator('.tl-scroll').evaluate((el) => el.scrollBy(0, el.clientHeight / 2))
    await contact.click()
    await panel.getByRole('button', { name: 'Edit' }).click()
    await panel.getByRole('heading', { name: 'Edit contact' }).waitFor()
    await shoot(page, 'timeline-contact-edit')
    await panel.getByRole('button', { name: 'Cancel' }).click()
    await panel.getByRole('button', { name: 'Close' }).last().click()

    await page.getByRole('button', { name: 'Add a session' }).first().click()
    await panel.getByRole('heading', { name: 'New session' }).waitFor()
    await shoot(page, 'timeline-session-new')
    await panel.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('button', { name: 'Write a reflection' }).first().click()
    await panel.getByRole('heading', { name: 'New reflection' }).waitFor()
    await shoot(page, 'timeline-reflection-new')
    await panel.getByRole('button', { name: 'Close' }).last().click()

    await page.getByRole('searchbox', { name: 'Search everything' }).fill('sunday')
    await page.getByRole('region', { name: 'Search results' }).getByRole('button').first().waitFor()
    await shoot(page, 'timeline-search')
    await page.getByRole('searchbox', { name: 'Search everything' }).fill('zebra crossing')
    await page.getByText('Nothing matches that').waitFor()
    await shoot(page, 'timeline-search-empty')
    await page.getByRole('searchbox', { name: 'Search everything' }).fill('')

    await page.getByRole('button', { name: 'Filter', exact: true }).click()
    await page.getByRole('region', { name: 'Filters' }).getByLabel('Tag').selectOption('sleep')
    await feed.getByRole('article').first().waitFor()
    await shoot(page, 'timeline-filters')
    await page.getByRole('region', { name: 'Filters' }).getByLabel('From').fill('2020-01-01')
    await page.getByRole('region', { name: 'Filters' }).getByLabel('Until').fill('2020-01-31')
    await page.getByRole('heading', { name: 'Nothing here with these filters' }).waitFor()
    await shoot(page, 'timeline-filters-empty')
    await page.getByRole('button', { name: 'Clear filters' }).first().click()
    await page.getByRole('button', { name: /^Filter/ }).click()

    await page.getByRole('button', { name: 'Mood over time' }).click()
    await page.locator('.mood-chart canvas').waitFor()
    await shoot(page, 'timeline-mood')
    await page.getByRole('button', { name: 'Entries' }).click()

    await page.getByRole('button', { name: 'Schedule sessions' }).first().click()
    await page.getByRole('dialog', { name: 'Schedule sessions' }).waitFor()
    await shoot(page, 'timeline-schedule-dialog')
    await page.getByRole('dialog', { name: 'Schedule sessions' }).getByRole('button', { name: /^Add \d+ sessions$/ }).click()
    await page.getByText(/sessions added\./).waitFor()
    await feed.getByText(/more sessions? scheduled/).waitFor()
    await shoot(page, 'timeline-scheduled')

    await page.getByRole('button', { name: 'Tags', exact: true }).click()
    await page.getByRole('dialog', { name: 'Your tags' }).waitFor()
    await shoot(page, 'timeline-tags-dialog')
    await page.getByRole('dialog', { name: 'Your tags' }).getByRole('button', { name: 'Close' }).click()
  } finally {
    await app.close()
  }

  const empty = await launch({ beforeLoad: async ({ invoke }) => void (await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })) })
  try {
    const { page } = empty
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click()
    await page.getByRole('heading', { name: 'Your timeline starts here' }).waitFor()
    await shoot(page, 'timeline-empty')
    await page.getByRole('button', { name: 'Mood over time' }).click()
    await page.getByRole('heading', { name: 'No moods recorded yet' }).waitFor()
    await shoot(page, 'timeline-mood-empty')
  } finally {
    await empty.close()
  }
}

/** Settings (every section, backups, the export warning, an import error, passphrase, restore). */
async function settingsScreens(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'between-shots-settings-'))
  const dialogs = fakeDialogs()
  const app = await launch({
    dataDir: join(root, 'vault'),
    core: { dialogs },
    beforeLoad: async ({ invoke, clock }) => {
      await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
      await seedDemoVault(invoke, clock)
    },
  })
  try {
    const { page } = app
    await h1(page, 'Your timeline')
    await page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
    await h1(page, 'Settings')
    await page.getByRole('checkbox', { name: 'The evening before a session' }).waitFor()
    await shoot(page, 'settings')

    const folder = join(root, 'Sync', 'Between backups')
    mkdirSync(join(root, 'Sync'))
    dialogs.answers.folder = folder
    await page.getByRole('button', { name: 'Choose a folder…' }).click()
    await page.getByRole('button', { name: 'Back up now' }).click()
    await page.getByText(/^Backup made and checked/).waitFor()
    await page.getByRole('table').getByRole('button', { name: /^Test the backup from / }).first().click()
    await page.getByText(/is complete and opens\.$/).waitFor()
    await shoot(page, 'settings-backups')

    await page.getByRole('button', { name: 'Export JSON…' }).click()
    await page.getByRole('alertdialog').waitFor()
    await shoot(page, 'settings-export-warning')
    await page.keyboard.press('Escape')

    dialogs.answers.open = join(root, 'appointments.ics')
    writeFileSync(dialogs.answers.open, 'Dear Dr Morgan,\nsee you on Monday.\n')
    await page.getByRole('button', { name: 'Choose a calendar…' }).click()
    await page.getByText('This file could not be imported').waitFor()
    await shoot(page, 'settings-import-error')
    dialogs.answers.open = join(process.cwd(), 'tests', 'fixtures', 'imports', 'therapist-portal.ics')
    await page.getByRole('button', { name: 'Choose a calendar…' }).click()
    await page.getByRole('region', { name: 'Before anything is written' }).waitFor()
    await shoot(page, 'settings-import-preview')
    await page.getByRole('button', { name: 'Don’t import' }).click()

    await page.getByRole('button', { name: 'Change passphrase' }).click()
    await page.getByLabel('Current passphrase').fill(DEMO_PASSPHRASE)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('dialog').getByLabel('Passphrase', { exact: true }).fill('harbour kettle juniper sparrow')
    await page.locator('.strength[data-score]').waitFor()
    await shoot(page, 'settings-change-passphrase')
    await page.keyboard.press('Escape')

    await page.getByRole('table').getByRole('button', { name: /^Restore the backup from / }).first().click()
    await page.getByRole('dialog', { name: 'Restore a backup' }).waitFor()
    await shoot(page, 'settings-restore')
    await page.keyboard.press('Escape')
  } finally {
    await app.close()
    rmSync(root, { recursive: true, force: true })
  }
}

/** The damaged-vault screen, its restore dialog, and the person back in. */
async function damagedVault(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'between-shots-damaged-'))
  const dataDir = join(root, 'vault')
  const app = await launch({
    dataDir,
    prefs: { backupFolder: join(root, 'backups') },
    beforeLoad: async ({ core, invoke, clock }) => {
      await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })
      await seedDemoVault(invoke, clock)
      await invoke('backup.now', { chooseLocation: false })
      await clock.set(clock.now() + 26 * 60 * 60_000)
      await core.backups.dailyIfDue()
      core.lock('manual')
      const db = join(dataDir, 'between.db')
      const bytes = readFileSync(db)
      for (let i = 8192; i < bytes.length; i += 997) bytes[i] = (bytes[i] as number) ^ 0xff
      writeFileSync(db, bytes)
    },
  })
  try {
    const { page } = app
    await h1(page, 'Welcome back')
    await page.getByLabel('Passphrase', { exact: true }).fill(DEMO_PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await h1(page, 'Between could not read your vault')
    await page.getByRole('heading', { name: 'Restore your newest backup' }).waitFor()
    await shoot(page, 'vault-damaged')
    await page.getByRole('button', { name: 'Restore this backup' }).click()
    await page.getByRole('dialog').getByLabel('Passphrase', { exact: true }).fill(DEMO_PASSPHRASE)
    await shoot(page, 'vault-damaged-restore')
    await page.getByRole('button', { name: 'Restore', exact: true }).click()
    await h1(page, 'Your backup is restored')
    await shoot(page, 'vault-restored')
  } finally {
    await app.close()
    rmSync(root, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const reason = e2eSkipReason()
  if (reason) {
    process.stdout.write(`${reason}\n`)
    return
  }
  mkdirSync(OUT, { recursive: true })
  const flows = [firstRun, emptyHome, demoVault, contactPrepAgreements, timelineAndJournal, settingsScreens, damagedVault]
  if (!process.argv.includes(ONLY_800)) {
    for (const flow of flows) await flow()
    for (const size of CONTACT_SIZES) await contactCheckScreens(shoot, size)
    await homeworkScreens(shoot)
  }
  Object.assign(mode, SMALL)
  for (const flow of flows) {
    // A flow that cannot go on in the small window keeps the screenshots it took and says where it stopped.
    await flow().catch((error: unknown) => process.stderr.write(`${flow.name} at 800×600 stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`))
  }
  process.stdout.write(`Wrote ${written.length} screenshots to ${OUT}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
