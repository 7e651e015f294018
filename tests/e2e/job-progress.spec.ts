import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations } from './axe'
import { DEFAULT_NOW, e2eSkipReason, launchApp, type E2EApp } from './harness'
import { copyLargeVault, LARGE_VAULT_PASSPHRASE } from './shared-vault'
import { shoot } from './shots'

/**
 * Big enough that checking a backup (every page decrypted and checked) takes seconds here, so
 * its progress can be seen and stopped. Making a backup copies the encrypted pages and is over
 * too soon to be stopped reliably. The same vault as the 100,000-entry scroll's
 * (timeline-large.spec.ts): seeded once per run, copied here.
 */
const ENTRIES = 100_000

/**
 * A long job's progress in Settings (the check of a backup): what is being done, a bar with its
 * percentage, and Stop, which changes nothing in the backup folder and leaves no working folder
 * in the vault folder.
 */
describe.skipIf(e2eSkipReason())('Progress of long work in Settings', () => {
  let app: E2EApp | undefined
  let root = ''
  let folder = ''

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-jobs-'))
    folder = join(root, 'backups')
    mkdirSync(folder)
    await copyLargeVault(join(root, 'vault'), { total: ENTRIES, now: DEFAULT_NOW })
    app = await launchApp({
      dataDir: join(root, 'vault'),
      prefs: { backupFolder: folder },
      beforeLoad: async ({ invoke }) => {
        await invoke('vault.unlock', { passphrase: LARGE_VAULT_PASSPHRASE })
        await invoke('backup.now', {})
      },
    })
    await app.page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    await app.page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
    await app.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  }, 240_000)

  afterAll(async () => {
    await app?.close()
    rmSync(root, { recursive: true, force: true })
  })

  const sizes = [
    { width: 800, height: 600 },
    { width: 1280, height: 800 },
  ] as const

  for (const scheme of ['light', 'dark'] as const) {
    for (const size of sizes) {
      it(`shows the progress of a backup's check and stops it, changing nothing (${scheme}, ${size.width}x${size.height})`, async () => {
        const page = (app as E2EApp).page
        await page.emulateMedia({ colorScheme: scheme })
        await page.setViewportSize(size)
        const backups = readdirSync(folder)
        expect(backups).toHaveLength(1)
        await page.getByRole('button', { name: /^Test the backup from / }).click()
        const bar = page.getByRole('progressbar', { name: /: progress$/ })
        await bar.waitFor()
        // What is being done, with its percentage, once the worker has reported.
        await page.getByText(/^Reading$|^Checking the copy$/).waitFor()
        await page.getByText(/^\d+ %$/).waitFor()
        const stop = page.getByRole('button', { name: 'Stop this and leave everything as it was' })
        // The whole progress group (what is done, the bar and Stop) into view, not only Stop.
        await page.locator('.job-progress').scrollIntoViewIfNeeded()
        for (const box of [await bar.boundingBox(), await stop.boundingBox()]) {
          expect(box).not.toBeNull()
          if (!box) continue
          expect(box.x).toBeGreaterThanOrEqual(0)
          expect(box.y).toBeGreaterThanOrEqual(0)
          expect(box.x + box.width).toBeLessThanOrEqual(size.width)
          expect(box.y + box.height).toBeLessThanOrEqual(size.height)
        }
        await shoot(page, `settings-backup-progress-${scheme}-${size.width}x${size.height}`)
        await stop.click()
        await page.getByText('Nothing was tested.').first().waitFor()
        expect(await bar.count()).toBe(0)
        expect(readdirSync(folder)).toEqual(backups)
        expect(readdirSync(join(root, 'vault')).filter((name) => name.startsWith('between-backup-'))).toEqual([])
      }, 120_000)
    }
  }

  // Separate from the Stop checks: the page scan takes seconds, and a job of this size may end
  // meanwhile. The backup's check, not a backup: on a fast machine a backup can be over before
  // its bar is drawn, and waiting for a bar that never comes is no accessibility finding.
  it('has no serious accessibility findings while a long job shows its progress', async () => {
    const page = (app as E2EApp).page
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('button', { name: /^Test the backup from / }).click()
    await page.getByRole('progressbar', { name: /: progress$/ }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'settings (a backup being checked)' })
    const stop = page.getByRole('button', { name: 'Stop this and leave everything as it was' })
    if (await stop.isVisible()) await stop.click()
  }, 120_000)
})
