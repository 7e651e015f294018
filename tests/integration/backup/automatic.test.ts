import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readContainerInfo } from '../../../src/main/core/backup/backup-container'
import { createBackupScheduler } from '../../../src/main/core/backup/backup-scheduler'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { fakeTimers } from '../../helpers/fake-ports'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { TEST_PASSPHRASE } from '../../helpers/test-vault'
import { latestVersion } from '../../../src/main/core/db/migrate'
import { takeBackToSchema10 } from '../../helpers/old-schema'
import { backupFiles, createBackupVault, type BackupVault } from './backup-helpers'

const HOUR = 3_600_000
let vault: BackupVault
afterEach(() => vault?.cleanup())

describe('automatic backups', () => {
  it('daily while unlocked, keeping the newest N automatic ones and every manual one', async () => {
    vault = await createBackupVault({ keep: 3 })
    writeOneOfEverything(vault.core, 'x')
    const timers = fakeTimers(vault.clock)
    const scheduler = createBackupScheduler({ core: vault.core, clock: vault.clock, setTimer: timers.setTimer })
    scheduler.start()
    await scheduler.check() // the one start() began
    expect(backupFiles(vault.folder)).toEqual(['between-2026-03-03-090000Z-daily.betweenbackup'])
    await dispatch(vault.handlers, 'backup.now', {})
    await timers.run(23 * HOUR)
    expect(backupFiles(vault.folder)).toHaveLength(2) // the manual one counts as "recent"
    await timers.run(2 * HOUR)
    expect(backupFiles(vault.folder)).toHaveLength(3)
    // Locked: nothing is made.
    vault.core.lock('manual')
    await timers.run(3 * 24 * HOUR)
    expect(backupFiles(vault.folder)).toHaveLength(3)
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    await scheduler.check()
    await timers.run(5 * 24 * HOUR)
    scheduler.stop()
    const files = backupFiles(vault.folder)
    expect(files.filter((name) => name.endsWith('-daily.betweenbackup'))).toHaveLength(3)
    expect(files.filter((name) => name.endsWith('-manual.betweenbackup'))).toEqual(['between-2026-03-03-090000Z-manual.betweenbackup'])
    // The newest three are the ones kept.
    expect(files.filter((name) => name.endsWith('-daily.betweenbackup'))).toEqual([
      'between-2026-03-10-100000Z-daily.betweenbackup',
      'between-2026-03-11-100000Z-daily.betweenbackup',
      'between-2026-03-12-100000Z-daily.betweenbackup',
    ])
  }, 120_000) // a dozen backups and checks, each in a worker thread: slow on a busy machine

  it('a folder that cannot be written is reported, and retried', async () => {
    vault = await createBackupVault()
    // A file where the folder should be (a drive not connected looks much the same).
    const notAFolder = join(vault.folder, 'not-a-folder')
    writeFileSync(notAFolder, 'x')
    vault.folderSetting.set(notAFolder)
    const timers = fakeTimers(vault.clock)
    const scheduler = createBackupScheduler({ core: vault.core, clock: vault.clock, setTimer: timers.setTimer })
    scheduler.start()
    await scheduler.check()
    const listed = await dispatch(vault.handlers, 'backup.listAvailable', {})
    expect(listed).toMatchObject({ ok: true, value: { backups: [], lastAutomaticFailure: { at: vault.clock.now(), code: 'IO_ERROR' } } })
    rmSync(notAFolder)
    vault.folderSetting.set(vault.folder)
    await timers.run(HOUR)
    scheduler.stop()
    expect(backupFiles(vault.folder)).toHaveLength(1)
    expect(await dispatch(vault.handlers, 'backup.listAvailable', {})).toMatchObject({ ok: true, value: { lastAutomaticFailure: null } })
  })

  it('before a schema update: a backup of the old schema, made as the vault opens', async () => {
    vault = await createBackupVault()
    writeOneOfEverything(vault.core, 'x')
    // Take the vault back to schema 10, as an older Between left it.
    takeBackToSchema10(vault.core.vault.db())
    vault.core.lock('manual')
    vault.clock.advance(HOUR)
    await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    const files = backupFiles(vault.folder)
    expect(files).toEqual(['between-2026-03-03-100000Z-before-update.betweenbackup'])
    expect(readContainerInfo(join(vault.folder, files[0] as string)).metadata).toMatchObject({ reason: 'before-update', schemaVersion: 10 })
    expect(vault.core.vault.db().pragma('user_version', { simple: true })).toBe(latestVersion())
    // The old-schema backup still tests and restores (and is migrated on unlock).
    const tested = await dispatch(vault.handlers, 'backup.test', { source: { name: files[0] as string }, unlock: { passphrase: TEST_PASSPHRASE } })
    expect(tested).toMatchObject({ ok: true, value: { schemaVersion: 10, counts: { reflections: 1 } } })
    const restored = await dispatch(vault.handlers, 'backup.restore', { source: { name: files[0] as string }, unlock: { passphrase: TEST_PASSPHRASE } })
    expect(restored).toMatchObject({ ok: true, value: { status: 'restored', schemaVersion: 10 } })
    expect(vault.core.vault.db().pragma('user_version', { simple: true })).toBe(latestVersion())
  })

  it('before a data-key rotation: a backup under the old key, openable with the passphrase', async () => {
    vault = await createBackupVault()
    writeOneOfEverything(vault.core, 'x')
    await vault.core.vault.rotateDataKey(TEST_PASSPHRASE)
    const [name] = backupFiles(vault.folder)
    expect(name).toBe('between-2026-03-03-090000Z-before-key-change.betweenbackup')
    // Under the old key: the unlocked vault's key no longer opens it, the passphrase does.
    expect(await dispatch(vault.handlers, 'backup.test', { source: { name: name as string } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'unlock' } })
    expect(await dispatch(vault.handlers, 'backup.test', { source: { name: name as string }, unlock: { passphrase: TEST_PASSPHRASE } })).toMatchObject({
      ok: true,
      value: { counts: { reflections: 1 } },
    })
    expect(readdirSync(vault.folder).filter((n) => n.endsWith('.partial'))).toEqual([])
  })

  it('no folder chosen: no automatic backups; choosing one sets it', async () => {
    vault = await createBackupVault({ folder: null })
    const timers = fakeTimers(vault.clock)
    const scheduler = createBackupScheduler({ core: vault.core, clock: vault.clock, setTimer: timers.setTimer })
    scheduler.start()
    await timers.run(48 * HOUR)
    expect(backupFiles(vault.folder)).toEqual([])
    vault.dialogs.answers.folder = vault.folder
    expect(await dispatch(vault.handlers, 'backup.chooseFolder', {})).toEqual({ ok: true, value: { status: 'chosen', folder: vault.folder } })
    await timers.run(HOUR)
    scheduler.stop()
    expect(backupFiles(vault.folder)).toHaveLength(1)
  })
})
