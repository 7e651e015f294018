/**
 * A vault copied to another computer (a backup restored there, its folder copied) while the one
 * it came from still syncs: the copy would write under the same device id. Sync notices by the
 * installation id (installation-id.ts) and asks it to join as a computer of its own first.
 */
import { cpSync, readdirSync, rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src/main/core'
import { mergedStateHash as hash, reflectionBodies as bodies, settleAll } from '../../helpers/sync/two-vaults'
import { CHEAP_KDF, createTestVault, fakeClock, makeTempDir, recordEvents, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'
import { testJobs } from '../../helpers/test-jobs'

const LAPTOP = 'a'.repeat(32)
const DESK = 'b'.repeat(32)
const NEW_COMPUTER = 'c'.repeat(32)

let cleanups: Array<() => void> = []
afterEach(() => {
  for (const step of cleanups.reverse()) step()
  cleanups = []
})

async function computer(folder: string, name: string, installationId?: string): Promise<TestVault> {
  const vault = await createTestVault(installationId ? { installationId } : {})
  cleanups.push(() => vault.cleanup())
  await vault.core.sync.enable({ folder, deviceName: name, passphrase: TEST_PASSPHRASE })
  return vault
}

/** The vault folder copied, locked, and opened on an installation of its own. */
async function copiedTo(v: TestVault, installationId: string): Promise<TestVault> {
  v.core.vault.lock()
  const dir = makeTempDir('between-moved-')
  cpSync(v.dir, dir, { recursive: true })
  await v.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
  const clock = fakeClock()
  const events = recordEvents()
  const make = (): Core => createCore({ dataDir: dir, clock, events, kdfCost: CHEAP_KDF, jobs: testJobs(), installationId })
  const core = make()
  cleanups.push(() => {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  })
  await core.vault.unlock({ passphrase: TEST_PASSPHRASE })
  return { ...v, dir, core, clock, events, reopen: make }
}

const write = (v: TestVault, body: string) => v.core.reflections.create({ body, mood: null, tags: [], sessionId: null, bringToSession: false })
const settle = (computers: readonly TestVault[]) => settleAll(computers, (v) => v.core.sync.syncNow({}))
const folderFiles = (folder: string): string[] => readdirSync(folder, { recursive: true }).map(String).sort()

function newFolder(): string {
  const folder = makeTempDir('between-sync-')
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }))
  return folder
}

describe('a vault copied to another computer while sync is on', () => {
  it('is told it moved, writes nothing, and once joined as a computer of its own all three converge', { timeout: 90_000 }, async () => {
    const folder = newFolder()
    const laptop = await computer(folder, 'Laptop', LAPTOP)
    const desk = await computer(folder, 'Desk', DESK)
    write(laptop, 'before the copy')
    await settle([laptop, desk])

    const copy = await copiedTo(laptop, NEW_COMPUTER)
    write(copy, 'written on the new computer')
    const before = folderFiles(folder)
    expect(() => copy.core.sync.status()).toThrow(expect.objectContaining({ code: 'SYNC_MOVED' }))
    await expect(copy.core.sync.syncNow({})).rejects.toMatchObject({ code: 'SYNC_MOVED' })
    // A passphrase changed on the copy leaves the folder's header alone too.
    await expect(copy.core.sync.changePassphrase({ next: 'another passphrase entirely' })).rejects.toMatchObject({ code: 'SYNC_MOVED' })
    expect(folderFiles(folder)).toEqual(before)
    // The computer it came from goes on as before.
    write(laptop, 'still on the old laptop')
    await settle([laptop, desk])

    copy.core.sync.disable()
    await copy.core.sync.enable({ folder, deviceName: 'New laptop', passphrase: TEST_PASSPHRASE })
    await settle([copy, laptop, desk])
    const everything = ['before the copy', 'still on the old laptop', 'written on the new computer']
    for (const v of [copy, laptop, desk]) expect(bodies(v)).toEqual(everything)
    expect(hash(copy)).toBe(hash(laptop))
    expect(hash(desk)).toBe(hash(laptop))
    const status = copy.core.sync.status()
    if (!status.enabled) throw new Error('sync is off')
    expect(status.devices.filter((d) => !d.removed).map((d) => d.name).sort()).toEqual(['Desk', 'Laptop', 'New laptop'])
  })

  it('a vault synced before installations were recorded takes the first one it meets, and a copy is then noticed', { timeout: 90_000 }, async () => {
    const folder = newFolder()
    const laptop = await computer(folder, 'Laptop')
    write(laptop, 'before installations')
    const here = await copiedTo(laptop, LAPTOP)
    expect(here.core.sync.status().enabled).toBe(true)
    await here.core.sync.syncNow({})
    const copy = await copiedTo(here, NEW_COMPUTER)
    await expect(copy.core.sync.syncNow({})).rejects.toMatchObject({ code: 'SYNC_MOVED' })
    expect((await here.core.sync.syncNow({})).appliedFiles).toBe(0)
  })
})
