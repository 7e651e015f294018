import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { fakeDialogs } from '../helpers/fake-ports'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../helpers/test-vault'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'
import { expectInViewAtBothSizes } from './in-view'
import { launchWithVault } from './launch-vault'
import { shoot, shotsDir } from './shots'

const SLOW = 120_000
const HOUR = 3_600_000

/** The Sync section, light and dark, at 800x600 and 1280x800: its geometry inside the viewport, then a picture. */
async function shootSection(page: Page, name: string, target: 'section' | 'window' = 'section'): Promise<void> {
  const section = page.locator('section.settings-section', { has: page.getByRole('heading', { level: 2, name: 'Sync' }) })
  await expectInViewAtBothSizes(page, section, {
    ...(shotsDir && {
      picture: async (size, theme) => {
        // A section: tall enough to hold all of it; a dialog: the window as it is.
        if (target === 'section') {
          await page.setViewportSize({ width: size.width, height: 1600 })
          await section.scrollIntoViewIfNeeded()
        }
        await shoot(target === 'section' ? section : page, `${name}-${size.width}-${theme}`)
      },
    }),
  })
  await page.emulateMedia({ colorScheme: 'light' })
}

describe.skipIf(e2eSkipReason())('Settings → Sync', () => {
  let app: E2EApp | undefined
  let other: TestVault | undefined
  let root = ''

  /** This computer ("Desk"): its vault created and sync turned on in `folder` before the window loads. */
  const launchDesk = (folder: string): Promise<E2EApp> =>
    launchApp({
      dataDir: join(root, 'vault'),
      core: { dialogs: fakeDialogs({ folder }) },
      beforeLoad: async ({ invoke }) => {
        await invoke('vault.create', { passphrase: TEST_PASSPHRASE })
        await invoke('sync.chooseFolder', {})
        await invoke('sync.enable', { deviceName: 'Desk', passphrase: TEST_PASSPHRASE })
      },
    })
  /** A laptop syncing in a fresh folder, and this computer ("Desk") joined to it, on its timeline. */
  const laptopAndDesk = async (): Promise<{ desk: E2EApp; laptop: TestVault; page: Page }> => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-sync-'))
    const folder = join(root, 'Sync', 'Between')
    mkdirSync(folder, { recursive: true })
    const laptop = await createTestVault()
    other = laptop
    await laptop.core.sync.enable({ folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
    const desk = await launchDesk(folder)
    app = desk
    await desk.page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    return { desk, laptop, page: desk.page }
  }
  afterEach(async () => {
    await app?.close()
    other?.cleanup()
    app = other = undefined
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('joins the folder another computer started, lists both, syncs now, and explains a wrong passphrase', { timeout: SLOW }, async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-sync-'))
    const folder = join(root, 'Sync', 'Between')
    mkdirSync(folder, { recursive: true })
    other = await createTestVault()
    other.core.reflections.create({ body: 'Written on the laptop, heron by the canal.', mood: 3, tags: [], sessionId: null, bringToSession: false })
    await other.core.sync.enable({ folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })

    app = await launchWithVault({ dataDir: join(root, 'vault'), core: { dialogs: fakeDialogs({ folder }) }, passphrase: TEST_PASSPHRASE })
    const { page } = app
    await page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
    await page.getByRole('button', { name: 'Sync', exact: true }).click()
    const sync = page.locator('section.settings-section', { has: page.getByRole('heading', { level: 2, name: 'Sync' }) })
    await sync.getByRole('button', { name: 'Choose the synced folder…' }).click()
    await page.getByText('already holds Between sync files').waitFor()
    await sync.getByLabel('A name for this computer').fill('Desk')
    await sync.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all')
    await page.getByRole('button', { name: 'Join' }).click()
    await page.getByText('That passphrase does not open this sync folder').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'sync join (wrong passphrase)' })
    await shootSection(page, 'settings-sync-join')
    expect((await app.invoke('sync.status', {})).enabled).toBe(false)

    await sync.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE)
    await page.getByRole('button', { name: 'Join' }).click()
    await page.getByRole('heading', { level: 3, name: 'Computers' }).waitFor()
    const devices = page.locator('.sync-device')
    await expect.poll(() => devices.count()).toBe(2)
    await sync.getByText('This computer', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Remove “Laptop” from sync' }).waitFor()

    other.core.reflections.create({ body: 'A second entry from the laptop.', mood: null, tags: [], sessionId: null, bringToSession: false })
    await other.core.sync.syncNow({})
    await page.getByRole('button', { name: 'Sync now' }).click()
    await page.getByText(/Up to date/).waitFor()
    const bodies = (await app.invoke('reflections.list', { limit: 10, before: null, tag: null })).map((r) => r.body).sort()
    expect(bodies).toEqual(['A second entry from the laptop.', 'Written on the laptop, heron by the canal.'])
    await expectNoSeriousA11yViolations(page, { screen: 'sync on' })
    await page.getByRole('button', { name: 'Sync now' }).focus()
    await shootSection(page, 'settings-sync-on')

    await page.getByRole('button', { name: 'Remove “Laptop” from sync' }).click()
    await page.getByRole('dialog').getByLabel('Passphrase', { exact: true }).waitFor()
    await shootSection(page, 'settings-sync-remove', 'window')
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).first().click()
  })

  it('a computer away too long is told to rejoin, rejoins by keyboard, and keeps what it wrote meanwhile', { timeout: SLOW }, async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-sync-'))
    const folder = join(root, 'Sync', 'Between')
    mkdirSync(folder, { recursive: true })
    other = await createTestVault()
    const third = await createTestVault()
    try {
      other.core.reflections.create({ body: 'Before the desk went away.', mood: null, tags: [], sessionId: null, bringToSession: false })
      await other.core.sync.enable({ folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
      await third.core.sync.enable({ folder, deviceName: 'Study', passphrase: TEST_PASSPHRASE })
      app = await launchDesk(folder)
      const { page } = app
      await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
      await app.invoke('reflections.create', { body: 'Written on the desk while the others were away.', mood: null, tags: [], sessionId: null, bringToSession: false })
      // The two others write and sync for hours while this one does not; they compact what they both applied.
      const policy = { goneAfterMs: 3 * HOUR, compactEveryFiles: 1 }
      for (let hour = 0; hour < 6; hour++) {
        for (const v of [other, third]) {
          v.clock.advance(HOUR)
          v.core.reflections.create({ body: `${v === other ? 'Laptop' : 'Study'} hour ${hour}`, mood: null, tags: [], sessionId: null, bringToSession: false })
        }
        for (let round = 0; round < 3; round++) for (const v of [other, third]) await v.core.sync.syncNow({ policy })
      }

      await page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
      await page.getByRole('button', { name: 'Sync', exact: true }).click()
      await page.getByRole('button', { name: 'Sync now' }).click()
      await page.getByText('This computer needs to rejoin').waitFor()
      expect(await page.getByText(/Up to date|still arriving/).count()).toBe(0)
      await expectNoSeriousA11yViolations(page, { screen: 'sync rejoin' })
      await page.getByRole('button', { name: 'Rejoin', exact: true }).focus()
      await shootSection(page, 'settings-sync-rejoin')
      await page.keyboard.press('Enter')
      await page.getByText('This computer has rejoined and is up to date.').waitFor()
      await expect.poll(() => page.getByText('This computer needs to rejoin').count()).toBe(0)
      const bodies = (await app.invoke('reflections.list', { limit: 50, before: null, tag: null })).map((r) => r.body)
      expect(bodies).toContain('Written on the desk while the others were away.')
      expect(bodies).toContain('Before the desk went away.')
      expect(bodies).toContain('Laptop hour 0')
      expect(bodies).toContain('Study hour 5')
    } finally {
      third.cleanup()
    }
  })

  it('a catch-up the person did not start shows its progress in Settings → Sync, and the bar goes when it ends', { timeout: SLOW }, async () => {
    const { desk, laptop, page } = await laptopAndDesk()
    for (let i = 0; i < 400; i++) laptop.core.reflections.create({ body: `Away, day ${i}.`, mood: 3, tags: [], sessionId: null, bringToSession: false })
    await laptop.core.sync.syncNow({})
    await page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
    await page.getByRole('button', { name: 'Sync', exact: true }).click()
    const sync = page.locator('section.settings-section', { has: page.getByRole('heading', { level: 2, name: 'Sync' }) })

    // Whether the bar was drawn, noted by the page as it happens: on a fast machine the pass can be
    // over before a wait for the bar would look, and a wait for a bar already gone never ends.
    await sync.evaluate((section) => {
      const page = window as unknown as { progressDrawn?: boolean }
      page.progressDrawn = false
      new MutationObserver(() => {
        if (section.querySelector('[role="progressbar"], progress')) page.progressDrawn = true
      }).observe(section, { childList: true, subtree: true })
    })
    const pass = desk.invoke('sync.now', {}) // as the scheduler starts one: not through the button
    expect((await pass).stopped).toBe(false)
    await expect.poll(() => page.evaluate(() => (window as unknown as { progressDrawn?: boolean }).progressDrawn)).toBe(true)
    await expect.poll(() => sync.getByRole('progressbar').count()).toBe(0)
    expect((await desk.invoke('reflections.list', { limit: 500, before: null, tag: null })).length).toBe(400)
  })

  it('a computer removed on another one is told so, turns sync off by keyboard, and joins again', { timeout: SLOW }, async () => {
    const { desk, laptop, page } = await laptopAndDesk()
    const status = await desk.invoke('sync.status', {})
    if (!status.enabled) throw new Error('sync is off on the desk')
    await laptop.core.sync.removeDevice({ deviceId: status.deviceId, passphrase: TEST_PASSPHRASE })
    await desk.invoke('reflections.create', { body: 'Written on the desk after it was removed.', mood: null, tags: [], sessionId: null, bringToSession: false })

    await page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
    await page.getByRole('button', { name: 'Sync', exact: true }).click()
    const sync = page.locator('section.settings-section', { has: page.getByRole('heading', { level: 2, name: 'Sync' }) })
    await sync.getByText('This computer was removed from sync').waitFor()
    expect(await sync.getByText('Sync settings could not be loaded.').count()).toBe(0)
    await expectNoSeriousA11yViolations(page, { screen: 'sync removed here' })
    const turnOff = sync.getByRole('button', { name: 'Turn off sync here' })
    await turnOff.focus()
    await shootSection(page, 'settings-sync-removed')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('alertdialog')
    await dialog.getByRole('button', { name: 'Turn off sync here' }).focus()
    await page.keyboard.press('Enter')
    await sync.getByRole('button', { name: 'Choose the synced folder…' }).waitFor()
    expect((await desk.invoke('sync.status', {})).enabled).toBe(false)

    await sync.getByRole('button', { name: 'Choose the synced folder…' }).click()
    await page.getByText('already holds Between sync files').waitFor()
    await sync.getByLabel('A name for this computer').fill('Desk again')
    await sync.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE)
    await page.getByRole('button', { name: 'Join' }).click()
    await sync.getByText('This computer', { exact: true }).waitFor()
    await laptop.core.sync.syncNow({})
    const bodies = laptop.core.reflections.list({ limit: 10, before: null, tag: null }).map((r) => r.body)
    expect(bodies).toContain('Written on the desk after it was removed.')
  })

  it('a journal copied from a computer that syncs is told so before it writes anything, and can turn sync off', { timeout: SLOW }, async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-sync-'))
    const folder = join(root, 'Sync', 'Between')
    mkdirSync(folder, { recursive: true })
    other = await createTestVault({ installationId: 'a'.repeat(32) })
    other.core.reflections.create({ body: 'Written on the laptop before the copy.', mood: null, tags: [], sessionId: null, bringToSession: false })
    await other.core.sync.enable({ folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
    other.core.vault.lock()
    cpSync(other.dir, join(root, 'vault'), { recursive: true })
    app = await launchApp({
      dataDir: join(root, 'vault'),
      core: { dialogs: fakeDialogs({ folder }), installationId: 'c'.repeat(32) },
      beforeLoad: async ({ invoke }) => void (await invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })),
    })
    const { page } = app
    await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    await page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
    await page.getByRole('button', { name: 'Sync', exact: true }).click()
    const sync = page.locator('section.settings-section', { has: page.getByRole('heading', { level: 2, name: 'Sync' }) })
    await sync.getByText('This journal was synced on another computer').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'sync moved here' })
    await sync.getByRole('button', { name: 'Turn off sync here' }).focus()
    await shootSection(page, 'settings-sync-moved')
    await page.keyboard.press('Enter')
    await page.getByRole('alertdialog').getByRole('button', { name: 'Turn off sync here' }).click()
    await sync.getByRole('button', { name: 'Choose the synced folder…' }).waitFor()
    expect((await app.invoke('reflections.list', { limit: 10, before: null, tag: null })).map((r) => r.body)).toEqual(['Written on the laptop before the copy.'])
  })
})
