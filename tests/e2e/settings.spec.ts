import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fakeDialogs, type FakeDialogs } from '../helpers/fake-ports'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp, type LaunchOptions } from './harness'
import { launchWithVault } from './launch-vault'
import { expectInViewAtBothSizes } from './in-view'
import { shoot, shotsDir } from './shots'

const PASSPHRASE = 'quiet lantern orchard velvet'
const NEW_PASSPHRASE = 'harbour kettle juniper sparrow'
/** Written into the vault, looked for in exports and on screen. */
const CANARY = 'Kestrel-canary-7c1f the worry came back on Sunday'
/** Each test launches Chromium and derives keys; allow for a busy machine. */
const SLOW = 90_000

/**
 * Settings (appearance, locking, passphrase, backups, export, import, reminders) and the
 * damaged-vault screen, end to end: the built renderer against the real core. The core's file
 * dialogs are faked so backups and exports land in a temp folder the test owns.
 */
describe.skipIf(e2eSkipReason())('Settings and recovery', () => {
  let app: E2EApp | undefined
  let root = ''

  afterEach(async () => {
    await app?.close()
    app = undefined
    if (root) rmSync(root, { recursive: true, force: true })
    root = ''
  })

  /** A vault with one reflection, in <root>/vault, with the given dialogs; the app on Settings. */
  async function openSettings(options: { dialogs?: FakeDialogs; prefs?: LaunchOptions['prefs'] } = {}): Promise<E2EApp> {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-settings-'))
    app = await launchWithVault({
      dataDir: join(root, 'vault'),
      prefs: options.prefs,
      core: { dialogs: options.dialogs ?? fakeDialogs() },
      passphrase: PASSPHRASE,
      seed: async ({ invoke }) => void (await invoke('reflections.create', { body: CANARY })),
    })
    await app.page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()
    await app.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    return app
  }

  const dataTheme = (a: E2EApp) => a.page.evaluate(() => document.documentElement.getAttribute('data-theme'))

  it('applies the theme at once and from startup; locking and content protection save as they change', async () => {
    const a = await openSettings()
    const { page } = a
    await expectNoSeriousA11yViolations(page, { screen: 'settings' })
    expect(await dataTheme(a)).toBeNull()

    await page.getByRole('radio', { name: 'Dark', exact: true }).check()
    await page.getByText('Saved.').first().waitFor()
    await expect.poll(() => dataTheme(a)).toBe('dark')
    await expect.poll(async () => (await a.invoke('prefs.get', {})).prefs.theme).toBe('dark')
    // The page's text takes the dark theme's colour before the contrast scan (rgb(42, 37, 33) is the light theme's text).
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.settings-section h2') ?? document.body).color)).not.toBe('rgb(42, 37, 33)')
    await expectNoSeriousA11yViolations(page, { screen: 'settings (dark)' })

    // A fresh window (as after a lock) takes the theme from preferences before anything else.
    await a.lock('manual')
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    await expect.poll(() => dataTheme(a)).toBe('dark')
    await expectNoSeriousA11yViolations(page, { screen: 'unlock (dark)' })
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.locator('.sidebar').getByRole('button', { name: 'Settings', exact: true }).click()

    await page.getByRole('radio', { name: 'Match my computer' }).check()
    await expect.poll(() => dataTheme(a)).toBeNull()
    expect((await a.invoke('prefs.get', {})).prefs.theme).toBe('system')

    await page.getByLabel('Lock Between').selectOption({ label: 'Only when I lock it' })
    await page.getByText('Between will stay open until you press Lock').waitFor()
    await expect.poll(async () => (await a.invoke('prefs.get', {})).prefs.lockTimeoutMinutes).toBeNull()
    await page.getByLabel('Lock Between').selectOption({ label: 'After 15 minutes without use' })
    await expect.poll(async () => (await a.invoke('prefs.get', {})).prefs.lockTimeoutMinutes).toBe(15)

    await page.getByRole('checkbox', { name: /Keep Between out of screenshots/ }).check()
    await expect.poll(async () => (await a.invoke('prefs.get', {})).prefs.contentProtection).toBe(true)

    // The lock-screen crisis line is the crisis plan's: a way there, nothing duplicated.
    await page.getByRole('button', { name: 'Open your crisis plan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your crisis plan' }).waitFor()
  }, SLOW)

  it('works from the keyboard: the section list moves focus to a section; arrows change the theme', async () => {
    const a = await openSettings()
    const { page } = a
    const sections = page.getByRole('navigation', { name: 'Settings sections' })
    await sections.getByRole('button', { name: 'Backups' }).focus()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Backups')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Choose a folder…')

    await sections.getByRole('button', { name: 'Appearance' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(true)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => dataTheme(a)).toBe('dark')
    await expect.poll(async () => (await a.invoke('prefs.get', {})).prefs.theme).toBe('dark')
    // Focus stays visible on the radio.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
    expect(outline).toBe('solid')
  }, SLOW)

  it('backs up now into the chosen folder, verified, says what it holds, and tests it', async () => {
    const dialogs = fakeDialogs()
    const a = await openSettings({ dialogs })
    const { page } = a
    const folder = join(root, 'Sync', 'Between backups')
    mkdirSync(join(root, 'Sync'))
    dialogs.answers.folder = folder

    await page.getByText('No backup folder chosen yet.').waitFor()
    await page.getByText(/Syncthing, Nextcloud, Dropbox or iCloud Drive/).waitFor()
    await page.getByRole('button', { name: 'Choose a folder…' }).click()
    await page.getByText(folder).waitFor()
    expect((await a.invoke('prefs.get', {})).prefs.backupFolder).toBe(folder)

    await page.getByRole('button', { name: 'Back up now' }).click()
    const made = page.getByText(/^Backup made and checked: between-2026-03-10-093\d{3}Z-manual\.betweenbackup/)
    await made.waitFor()
    await page.getByText('Between read the file back and compared it with your vault before saying so.').waitFor()
    await page.getByText('It holds 1 reflection.').waitFor()
    const files = readdirSync(folder)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^between-.*-manual\.betweenbackup$/)
    // Encrypted: the writing is nowhere in the file.
    expect(readFileSync(join(folder, files[0] ?? '')).includes(Buffer.from('Kestrel-canary'))).toBe(false)

    const table = page.getByRole('table')
    await table.getByRole('row').nth(1).getByText('Complete').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'settings (backup made)' })

    await table.getByRole('button', { name: /^Test the backup from / }).click()
    await page.getByText(/^The backup from .* is complete and opens\.$/).waitFor()
    await page.getByText('It holds 1 reflection.').waitFor()
    expect(readdirSync(folder)).toEqual(files)

    // Testing one made under another key asks for the passphrase of its day.
    await a.invoke('vault.changePassphrase', { current: PASSPHRASE, next: NEW_PASSPHRASE })
    await table.getByRole('button', { name: /^Test the backup from / }).click()
    await page.getByText(/^The backup from .* is complete and opens\.$/).waitFor()
  }, SLOW)

  it('a backup whose vault links to a deleted record tests complete and points to Repair', async () => {
    const dialogs = fakeDialogs()
    const a = await openSettings({ dialogs })
    const { page } = a
    const therapist = a.core.therapists.create({ name: 'Dr Ash', pronouns: '', practice: '', timeZone: 'UTC', channels: [] })
    a.core.sessions.create({ therapistId: therapist.id, startsAt: Date.UTC(2026, 2, 9, 17), timeZone: 'UTC', durationMinutes: 50, format: 'video', status: 'attended', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    const db = a.core.vault.db()
    db.pragma('foreign_keys = OFF') // as another tool might have left it
    db.prepare('DELETE FROM therapists WHERE id = ?').run(therapist.id)
    db.pragma('foreign_keys = ON')
    dialogs.answers.folder = join(root, 'backups')
    mkdirSync(dialogs.answers.folder)

    await page.getByRole('button', { name: 'Choose a folder…' }).click()
    await page.getByRole('button', { name: 'Back up now' }).click()
    await page.getByText(/^Backup made and checked: /).waitFor()
    await page.getByRole('table').getByRole('button', { name: /^Test the backup from / }).click()
    await page.getByText(/^The backup from .* is complete and opens\.$/).waitFor()
    const finding = page.getByText('1 entry in it refers to something that was deleted. The backup is complete and can be restored; Settings → Repair shows that entry in your vault.')
    await finding.waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'settings (backup tested, dangling link)' })
    await expectInViewAtBothSizes(page, finding, {
      wholeHeight: true,
      ...(shotsDir && { picture: (size, theme) => shoot(page, `backup-dangling-${theme}-${size.width}`) }),
    })
  }, SLOW)

  it('exports JSON only after "This file will not be encrypted"; cancelling writes nothing', async () => {
    const dialogs = fakeDialogs()
    const a = await openSettings({ dialogs })
    const { page } = a
    const out = join(root, 'exports')
    mkdirSync(out)
    dialogs.answers.save = join(out, 'between-export.json')

    const exportJson = page.getByRole('button', { name: 'Export JSON…' })
    await exportJson.click()
    const warning = page.getByRole('alertdialog', { name: 'This file will not be encrypted' })
    await warning.waitFor()
    await warning.getByText('Anyone who can open the file can read what is in it.').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'export warning' })
    await warning.locator('.dialog__actions').getByRole('button', { name: 'Cancel' }).click()
    await warning.waitFor({ state: 'hidden' })
    expect(dialogs.calls).toEqual([])
    expect(readdirSync(out)).toEqual([])

    await exportJson.click()
    await warning.getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByText(/^Saved between-export\.json: \d+ items?\.$/).waitFor()
    expect(dialogs.calls).toMatchObject([{ method: 'save' }])
    const written = JSON.parse(readFileSync(join(out, 'between-export.json'), 'utf8')) as { format: string; data: { reflections: Array<{ body: string }> } }
    expect(written.format).toBe('between-export')
    expect(written.data.reflections.map((r) => r.body)).toEqual([CANARY])
    expect(readdirSync(out)).toEqual(['between-export.json'])

    // Escape on the warning is a cancel too.
    dialogs.answers.save = join(out, 'second.json')
    await exportJson.click()
    await warning.waitFor()
    await page.keyboard.press('Escape')
    await warning.waitFor({ state: 'hidden' })
    expect(readdirSync(out)).toEqual(['between-export.json'])
  }, SLOW)

  it('exports one Markdown document for a date range, after the same warning', async () => {
    const dialogs = fakeDialogs()
    const a = await openSettings({ dialogs })
    const { page } = a
    const out = join(root, 'exports')
    mkdirSync(out)
    // The reflection was written on Tuesday 10 March: a range ending the day before leaves it out.
    dialogs.answers.save = join(out, 'before.md')
    await page.getByLabel('From', { exact: true }).fill('2026-03-01')
    await page.getByLabel('Up to and including').fill('2026-03-09')
    await page.getByRole('button', { name: 'Export one document…' }).click()
    await page.getByRole('alertdialog', { name: 'This file will not be encrypted' }).getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByText(/^Saved before\.md: 0 items\.$/).waitFor()
    expect(readFileSync(join(out, 'before.md'), 'utf8')).not.toContain('Kestrel-canary')

    dialogs.answers.save = join(out, 'tuesday.md')
    await page.getByLabel('From', { exact: true }).fill('2026-03-10')
    await page.getByLabel('Up to and including').fill('2026-03-10')
    await page.getByRole('button', { name: 'Export one document…' }).click()
    await page.getByRole('alertdialog', { name: 'This file will not be encrypted' }).getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByText(/^Saved tuesday\.md: 1 item\.$/).waitFor()
    expect(readFileSync(join(out, 'tuesday.md'), 'utf8')).toContain(CANARY)

    // A range the wrong way round is explained, and its exports wait.
    await page.getByLabel('From', { exact: true }).fill('2026-03-12')
    await page.getByText('The first date needs to be before the second.').waitFor()
    expect(await page.getByRole('button', { name: 'Export one document…' }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Export JSON…' }).isDisabled()).toBe(false)
  }, SLOW)

  it('changes the passphrase with the strength check; then only the new one unlocks', async () => {
    const a = await openSettings()
    const { page } = a
    await page.getByRole('button', { name: 'Change passphrase' }).click()
    const dialog = page.getByRole('dialog', { name: 'Change your passphrase' })
    await dialog.getByLabel('Current passphrase').fill('not the passphrase')
    await dialog.getByRole('button', { name: 'Continue' }).click()
    await dialog.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await dialog.getByLabel('Type it again').fill(NEW_PASSPHRASE)
    await dialog.getByRole('button', { name: 'Change passphrase' }).click()
    // The wrong current passphrase sends the person back to the first step, kindly.
    await dialog.getByText('That is not the passphrase Between uses now. Nothing has changed.').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'change passphrase (wrong current)' })
    await dialog.getByLabel('Current passphrase').fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Continue' }).click()

    await dialog.getByLabel('Passphrase', { exact: true }).fill('password123')
    await dialog.getByLabel('Type it again').fill('password123')
    await dialog.getByRole('button', { name: 'Change passphrase' }).click()
    await dialog.locator('.field__error').first().getByText(/easy to guess/).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'change passphrase (weak)' })

    await dialog.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await dialog.getByLabel('Type it again').fill(NEW_PASSPHRASE)
    await dialog.getByRole('button', { name: 'Change passphrase' }).click()
    await page.getByText(/^Your passphrase is changed\./).waitFor()
    expect(await dialog.isVisible()).toBe(false)

    await page.getByRole('button', { name: 'Lock Between' }).click()
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    await a.eventsDelivered()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByText('That passphrase did not unlock your vault.').waitFor()
    await page.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    expect(a.core.vault.status()).toBe('unlocked')
  }, SLOW)

  it('reminders: the gentle prompt is off until turned on, with a time; each change is saved', async () => {
    const a = await openSettings()
    const { page } = a
    const prompt = page.getByRole('checkbox', { name: /A gentle prompt to reflect/ })
    expect(await prompt.isChecked()).toBe(false)
    await prompt.check({ timeout: 3000 })
    await page.getByLabel('At', { exact: true }).fill('21:15', { timeout: 3000 })
    await expect
      .poll(async () => (await a.invoke('reminders.getSettings', {})).reflectionPrompt)
      .toEqual({ enabled: true, time: '21:15', timeZone: 'Europe/London' })
    await page.getByRole('checkbox', { name: 'The evening before a session' }).uncheck()
    await expect.poll(async () => (await a.invoke('reminders.getSettings', {})).sessionTomorrow).toBe(false)
    await expectNoSeriousA11yViolations(page, { screen: 'settings (reminders)' })
  }, SLOW)

  it('restores a backup from Settings: the person stays where they are and is told what was restored', async () => {
    const dialogs = fakeDialogs()
    const a = await openSettings({ dialogs, prefs: {} })
    const { page } = a
    const folder = join(root, 'backups')
    dialogs.answers.folder = folder
    await page.getByRole('button', { name: 'Choose a folder…' }).click()
    await page.getByRole('button', { name: 'Back up now' }).click()
    await page.getByText(/^Backup made and checked/).waitFor()
    await a.invoke('reflections.create', { body: 'written after the backup' })

    await page.getByRole('table').getByRole('button', { name: /^Restore the backup from / }).click()
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' })
    await dialog.getByText('Your current vault is not deleted', { exact: false }).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'restore dialog (settings)' })
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click()

    // The vault closes only while the backup is swapped in: no lock screen, no restarted window.
    await page.getByText('Your backup is restored').waitFor()
    await page.getByText(/^The vault that was here before is kept aside in a folder named “vault\.before-restore-/).waitFor()
    expect(a.core.vault.status()).toBe('unlocked')
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Welcome back' }).count()).toBe(0)
    await expectNoSeriousA11yViolations(page, { screen: 'settings (restored)' })
    expect((await a.invoke('reflections.list', {})).map((r) => r.body)).toEqual([CANARY])
    expect(readdirSync(root).filter((name) => name.startsWith('vault.before-restore-'))).toHaveLength(1)
  }, SLOW)

  it('a damaged vault shows a calm screen offering the newest backup; restoring gets the person back in', async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-corrupt-'))
    const dataDir = join(root, 'vault')
    const folder = join(root, 'backups')
    let backupName = ''
    app = await launchApp({
      dataDir,
      prefs: { backupFolder: folder },
      core: { dialogs: fakeDialogs() },
      beforeLoad: async ({ core, invoke }) => {
        await invoke('vault.create', { passphrase: PASSPHRASE })
        await invoke('reflections.create', { body: CANARY })
        const made = await invoke('backup.now', { chooseLocation: false })
        if (made.status === 'written') backupName = made.name
        // Written after the backup: it will not come back.
        await invoke('reflections.create', { body: 'written after the backup' })
        core.lock('manual')
        // Damage pages of the database with the vault locked (the header stays readable).
        const db = join(dataDir, 'between.db')
        const bytes = readFileSync(db)
        for (let i = 8192; i < bytes.length; i += 997) bytes[i] = (bytes[i] as number) ^ 0xff
        writeFileSync(db, bytes)
      },
    })
    expect(backupName).not.toBe('')
    const { page } = app
    await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()

    await page.getByRole('heading', { level: 1, name: 'Between could not read your vault' }).waitFor()
    await page.getByText('This is not something you did.', { exact: false }).waitFor()
    await page.getByRole('heading', { name: 'Restore your newest backup' }).waitFor()
    await page.getByText(/^The newest complete backup was made .* \(made by you\)\.$/).waitFor()
    const screen = await page.locator('main').innerText()
    expect(screen).not.toMatch(/delete (everything|all)|start over|erase/i)
    await expectNoSeriousA11yViolations(page, { screen: 'damaged vault' })

    await page.getByRole('button', { name: 'Restore this backup' }).click()
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' })
    await dialog.getByLabel('Passphrase', { exact: true }).fill('not my passphrase at all')
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click()
    await dialog.getByText(/^That passphrase does not open this backup\./).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'restore dialog (wrong passphrase)' })
    expect(app.core.vault.status()).toBe('locked')

    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Your backup is restored' }).waitFor()
    await page.getByText('It holds 1 reflection.').waitFor()
    await page.getByText(/^The vault that was here before is kept aside in a folder named “vault\.before-restore-/).waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'backup restored' })
    await page.getByRole('button', { name: 'Open Between' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()

    expect(app.core.vault.status()).toBe('unlocked')
    const reflections = await app.invoke('reflections.list', {})
    expect(reflections.map((r) => r.body)).toEqual([CANARY])
    // The damaged vault is kept aside, never deleted.
    const aside = readdirSync(root).filter((name) => name.startsWith('vault.before-restore-'))
    expect(aside).toHaveLength(1)
    expect(existsSync(join(root, aside[0] ?? '', 'between.db'))).toBe(true)
  }, SLOW)

  it('with no backup folder, the damaged-vault screen offers a backup file from elsewhere', async () => {
    root = mkdtempSync(join(tmpdir(), 'between-e2e-corrupt-'))
    const dataDir = join(root, 'vault')
    const dialogs = fakeDialogs()
    app = await launchApp({
      dataDir,
      core: { dialogs },
      beforeLoad: async ({ core, invoke }) => {
        await invoke('vault.create', { passphrase: PASSPHRASE })
        await invoke('reflections.create', { body: CANARY })
        dialogs.answers.save = join(root, 'usb-stick.betweenbackup')
        await invoke('backup.now', { chooseLocation: true })
        core.lock('manual')
        const db = join(dataDir, 'between.db')
        const bytes = readFileSync(db)
        for (let i = 8192; i < bytes.length; i += 997) bytes[i] = (bytes[i] as number) ^ 0xff
        writeFileSync(db, bytes)
      },
    })
    const { page } = app
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('heading', { level: 1, name: 'Between could not read your vault' }).waitFor()
    await page.getByText('No backup folder is set on this computer.').waitFor()
    await expectNoSeriousA11yViolations(page, { screen: 'damaged vault (no folder)' })

    dialogs.answers.open = join(root, 'usb-stick.betweenbackup')
    await page.getByRole('button', { name: 'Choose a backup file…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup file' })
    await dialog.getByRole('button', { name: 'Use my recovery key instead' }).click()
    await dialog.getByLabel('Recovery key').waitFor()
    await dialog.getByRole('button', { name: 'Use a passphrase instead' }).click()
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Your backup is restored' }).waitFor()
    await page.getByRole('button', { name: 'Open Between' }).click()
    await page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    expect((await app.invoke('reflections.list', {})).map((r) => r.body)).toEqual([CANARY])
  }, SLOW)
})
