import { afterEach, describe, expect, it } from 'vitest'
import { opFilePath } from '../../../src/main/core/sync/folder-names'
import { fsSyncFolder } from '../../../src/main/core/sync/fs-folder'
import { openFile } from '../../../src/main/core/sync/sealed-file'
import { readKeys } from '../../../src/main/core/sync/sync-settings.repo'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'

let two: TwoComputers | null = null
let third: TestVault | null = null
afterEach(() => {
  two?.cleanup()
  third?.cleanup()
  two = third = null
})

describe('devices and keys', () => {
  it('removing a device starts a new key the removed one cannot open; the others carry on', async () => {
    two = await twoComputers()
    await enableBoth(two)
    third = await createTestVault()
    await third.core.sync.enable({ folder: two.folder, deviceName: 'Old laptop', passphrase: TEST_PASSPHRASE })
    await two.settle()
    const status = two.laptop.core.sync.status()
    const old = status.enabled ? status.devices.find((d) => d.name === 'Old laptop') : undefined
    expect(old).toBeDefined()

    await expect(two.laptop.core.sync.removeDevice({ deviceId: old!.id, passphrase: 'wrong passphrase here' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    await two.laptop.core.sync.removeDevice({ deviceId: old!.id, passphrase: TEST_PASSPHRASE })
    const entry = two.laptop.core.reflections.create({ body: 'after the removal', mood: null, tags: [], sessionId: null, bringToSession: false })
    await two.settle()
    expect(two.desk.core.reflections.get({ id: entry.id }).body).toBe('after the removal')

    await expect(third.core.sync.syncNow({})).rejects.toMatchObject({ code: 'SYNC_DEVICE_REMOVED' })
    const laptopStatus = two.laptop.core.sync.status()
    const laptopId = laptopStatus.enabled ? laptopStatus.deviceId : ''
    const sequence = two.laptop.core.vault.db().prepare('SELECT own_sequence FROM sync_settings').pluck().get() as number
    const bytes = fsSyncFolder(two.folder).read(opFilePath(laptopId, sequence)) as Buffer
    const oldKeys = readKeys(third.core.vault.db())
    expect(openFile(oldKeys, { kind: 'op', device: laptopId, sequence }, bytes)).toEqual({ ok: false, why: 'key' })
  })

  it('changing the passphrase rewraps the sync key: a new computer joins with the new one only', async () => {
    two = await twoComputers()
    await two.laptop.core.sync.enable({ folder: two.folder, deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
    await two.laptop.handlers['vault.changePassphrase']({ current: TEST_PASSPHRASE, next: 'a brand new passphrase' })
    await expect(two.desk.core.sync.enable({ folder: two.folder, deviceName: 'Desk', passphrase: TEST_PASSPHRASE })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    await two.desk.core.sync.enable({ folder: two.folder, deviceName: 'Desk', passphrase: 'a brand new passphrase' })
    expect(two.desk.core.sync.status().enabled).toBe(true)
  })
})
