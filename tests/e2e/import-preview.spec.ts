import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { fakeDialogs, type FakeDialogs } from '../helpers/fake-ports'
import { dayOneJournal } from '../helpers/import-files'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'
import { shootBothThemes, shotsDir } from './shots'

const PASSPHRASE = 'quiet lantern orchard velvet'
const SLOW = 120_000
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'imports')
/** The preview region inside the viewport's width, and (when pictures are asked for) a picture of it per theme. */
async function checkPreview(page: Page, name: string): Promise<void> {
  const region = page.getByRole('region', { name: 'Before anything is written' })
  const box = await region.boundingBox()
  const viewport = page.viewportSize()
  expect(box && viewport && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true)
  if (!shotsDir) return
  // The app scrolls inside <main>: a tall window shows the whole preview in one picture.
  await page.setViewportSize({ width: viewport?.width ?? 1280, height: 1800 })
  await shootBothThemes(page, name, region)
  if (viewport) await page.setViewportSize(viewport)
}

/**
 * The import preview, end to end: choose a file (faked dialog), see what will happen, change
 * a choice, import; nothing is written before "Import".
 */
describe.skipIf(e2eSkipReason())('Import preview', () => {
  let app: E2EApp | undefined
  let root = ''
  afterEach(async () => {
    await app?.close()
    app = undefined
    if (root) rmSync(root, { recursive: true, force: true })
  })

  async function openSettings(dialogs: FakeDialogs, viewport = { width: 1280, height: 800 }): Promise<E2EApp> {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-import-'))
    app = await launchApp({
      dataDir: join(root, 'vault'),
      core: { dialogs },
      beforeLoad: async ({ invoke }) => {
        await invoke('vault.create', { passphrase: PASSPHRASE })
      },
    })
    await app.page.setViewportSize(viewport)
    await app.page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    await app.page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
    await app.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    return app
  }

  it('a calendar: preview, change the window, import; nothing written before', async () => {
    const dialogs = fakeDialogs({ open: join(FIXTURES, 'exchange-weekly-since-2019.ics') })
    const a = await openSettings(dialogs)
    const { page } = a
    // By keyboard: focus the button, Enter; the preview takes the focus.
    await page.getByRole('button', { name: 'Choose a calendar…' }).focus()
    await page.keyboard.press('Enter')
    const preview = page.getByRole('region', { name: 'Before anything is written' })
    await preview.getByText(/^Will add \d+ sessions\.$/).waitFor()
    expect(await a.invoke('sessions.list', {})).toEqual([])
    await preview.getByText('Before the chosen time').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'import preview (calendar)' })
    await checkPreview(page, 'import-preview-calendar')

    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Before anything is written')
    await preview.getByLabel('Past appointments from').selectOption('0')
    await preview.getByText(/^Will add \d+ sessions\.$/).waitFor()
    await preview.getByRole('button', { name: 'Import', exact: true }).focus()
    await page.keyboard.press('Enter')
    await page.getByText('Imported.', { exact: true }).first().waitFor()
    const sessions = (await a.invoke('sessions.list', {})) as Array<{ startsAt: number; format: string }>
    expect(sessions.length).toBeGreaterThan(40)
    expect(sessions.every((s) => s.format === 'video' || s.format === 'in_person')).toBe(true)
  }, SLOW)

  it('a Day One journal and a Daylio backup: previews with their choices (800x600)', async () => {
    const dialogs = fakeDialogs({ open: join(FIXTURES, 'day-one-journal.json') })
    const a = await openSettings(dialogs, { width: 800, height: 600 })
    const { page } = a
    await page.getByRole('button', { name: 'Choose a Day One export…' }).click()
    const preview = page.getByRole('region', { name: 'Before anything is written' })
    await preview.getByText('Will add 3 reflections.').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'import preview (Day One)' })
    await checkPreview(page, 'import-preview-day-one')
    await preview.getByRole('button', { name: 'Don’t import' }).click()
    await page.getByText('Nothing was imported.').waitFor()
    expect(await a.invoke('reflections.list', {})).toEqual([])

    dialogs.answers.open = join(FIXTURES, 'daylio-2023.csv')
    await page.getByRole('button', { name: 'Choose a Daylio CSV…' }).click()
    await preview.getByText('Will add 4 reflections.').waitFor()
    const custom = preview.getByLabel('Daylio’s “Anxious but ok”')
    expect(await custom.inputValue()).toBe('')
    await custom.selectOption('3')
    await preview.getByText('Dated before 1900 or after 2199').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'import preview (Daylio)' })
    await checkPreview(page, 'import-preview-daylio')
    await preview.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByText('Imported.', { exact: true }).first().waitFor()
    const reflections = (await a.invoke('reflections.list', {})) as Array<{ mood: number | null; body: string }>
    expect(reflections.map((r) => r.mood).sort()).toEqual([1, 3, 3, 5])

    // A file that is not a Daylio export: a clear sentence with the place, none of its content, nothing written.
    dialogs.answers.open = join(FIXTURES, 'owa-published-feed.ics')
    await page.getByRole('button', { name: 'Choose a Daylio CSV…' }).click()
    const error = page.locator('.banner--danger')
    await error.getByText('This file could not be imported').waitFor()
    const text = await error.innerText()
    expect(text).toContain('The file is not a Daylio backup export (CSV).')
    expect(text).toContain('line 1')
    expect(text).toContain('Nothing was changed.')
    expect(text).not.toContain('Praxis')
    expect(((await a.invoke('reflections.list', {})) as unknown[]).length).toBe(4)
    await expectNoSeriousA11yViolations(page, { screen: 'import error' })
  }, SLOW)

  it('a large journal: live progress and Stop while it is written; Stop keeps nothing (by keyboard)', async () => {
    const dialogs = fakeDialogs()
    const a = await openSettings(dialogs)
    const { page } = a
    const file = join(root, 'large-journal.json')
    // Large enough that the import is still being written after the checks (and, when asked, four screenshots).
    const entries = shotsDir ? 20_000 : 8_000
    writeFileSync(file, dayOneJournal(entries))
    dialogs.answers.open = file
    await page.getByRole('button', { name: 'Choose a Day One export…' }).click()
    const preview = page.getByRole('region', { name: 'Before anything is written' })
    await preview.getByText(`Will add ${entries.toLocaleString('en')} reflections.`, { exact: true }).waitFor()
    await preview.getByRole('button', { name: 'Import', exact: true }).focus()
    await page.keyboard.press('Enter')

    const progress = preview.getByRole('group', { name: 'Adding the records to your journal' })
    await progress.getByText(/^\d+ %$/).waitFor()
    const stop = preview.getByRole('button', { name: 'Stop this and leave everything as it was' })
    for (const viewport of [{ width: 1280, height: 800 }, { width: 800, height: 600 }]) {
      await page.setViewportSize(viewport)
      await stop.scrollIntoViewIfNeeded()
      const box = await progress.boundingBox()
      expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height).toBe(true)
      await shootBothThemes(page, `import-progress-${viewport.width}x${viewport.height}`)
    }

    await stop.focus()
    await page.keyboard.press('Enter')
    // What was written is taken back first (its own phase under the same bar).
    await preview.getByRole('group', { name: /Taking back what was added/ }).waitFor()
    await page.getByText('Stopped. Nothing of this file was kept.').waitFor({ timeout: 5 * 60_000 })
    expect(await a.invoke('reflections.list', {})).toEqual([])
    expect(await a.invoke('tags.list', {})).toEqual([])
    await expectNoSeriousA11yViolations(page, { screen: 'import stopped' })
  }, 4 * SLOW)
})
