import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fakeDialogs } from '../helpers/fake-ports'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, type E2EApp } from './harness'
import { launchWithVault } from './launch-vault'
import { shoot } from './shots'

const PASSPHRASE = 'quiet lantern orchard velvet'
const SLOW = 90_000

/**
 * Settings → Repair, end to end: a reflection damaged with raw SQL (as another program could
 * leave it) is left out of the timeline, listed under Repair with its text, and can be deleted.
 */
describe.skipIf(e2eSkipReason())('Settings → Repair', () => {
  let app: E2EApp | undefined
  let root = ''
  afterEach(async () => {
    await app?.close()
    app = undefined
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('lists a row the timeline cannot show, with its text, and deletes it', async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-repair-'))
    app = await launchWithVault({
      dataDir: join(root, 'vault'),
      viewport: { width: 800, height: 600 },
      core: { dialogs: fakeDialogs() },
      passphrase: PASSPHRASE,
      seed: async ({ core, invoke }) => {
        await invoke('reflections.create', { body: 'The lake in the morning, before anyone else.' })
        const damaged = await invoke('reflections.create', { body: 'A page from another program' })
        const db = core.vault.db()
        db.pragma('ignore_check_constraints=ON')
        db.prepare('UPDATE reflections SET mood = 42 WHERE id = ?').run(damaged.id)
        db.pragma('ignore_check_constraints=OFF')
      },
    })
    const { page } = app
    await page.getByText('The lake in the morning').first().waitFor()
    expect(await page.getByText('A page from another program').count()).toBe(0)
    // The timeline says one entry is left out and leads to Repair.
    const note = page.getByText('1 entry could not be shown.', { exact: false })
    await note.waitFor()
    const noteBox = await note.boundingBox()
    expect(noteBox && noteBox.y >= 0 && noteBox.y + noteBox.height <= 600).toBe(true)
    await page.getByRole('button', { name: 'Open Repair' }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await page.getByRole('button', { name: 'Repair', exact: true }).click()
    const section = page.getByRole('region', { name: 'Repair' })
    await section.getByText('A page from another program').waitFor()
    await expect.poll(() => section.getByText('Cannot be read: mood.').count()).toBe(1)
    const del = section.getByRole('button', { name: 'Delete this entry' })
    await del.scrollIntoViewIfNeeded()
    const box = await del.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 800).toBe(true)
    await expectNoSeriousA11yViolations(page, { screen: 'settings repair' })
    await shoot(page, 'repair-800')
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'))
    await section.scrollIntoViewIfNeeded()
    await shoot(page, 'repair-1280-dark')

    await del.click()
    await section.getByRole('button', { name: 'Delete for good' }).click()
    await section.getByText('Every entry can be shown. Nothing needs repair.').waitFor()
    expect((await app.invoke('repair.list', {})).rows).toEqual([])
  }, SLOW)
})
