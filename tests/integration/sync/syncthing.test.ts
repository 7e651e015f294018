import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { HEADER_NAME } from '../../../src/main/core/sync/folder-names'
import { vaultSyncStore } from '../../../src/main/core/sync/sync-state.repo'
import { createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'
import { startSyncthingPair, syncthingMissing, type SyncthingPair } from '../../helpers/sync/syncthing'

const missing = syncthingMissing()
if (missing) console.warn(`SKIPPED the real Syncthing test: ${missing}`)

const stateHash = (vault: TestVault) => vaultSyncStore(vault.core.vault.db(), 0).hash()

/** Polls until `done` or the deadline; the deadline only bounds a stuck engine, it measures nothing. */
async function until(done: () => Promise<boolean> | boolean, what: string, deadlineMs = 90_000): Promise<void> {
  const end = Date.now() + deadlineMs
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`)
    await sleep(250)
  }
}

describe.skipIf(missing !== null)('sync through real Syncthing (two instances on 127.0.0.1)', () => {
  const root = makeTempDir('between-syncthing-')
  let pair: SyncthingPair | null = null
  const vaults: TestVault[] = []
  afterAll(async () => {
    await pair?.stop()
    for (const vault of vaults) vault.cleanup()
    rmSync(root, { recursive: true, force: true })
  })

  it('two cores writing concurrently converge to the same state', { timeout: 240_000 }, async () => {
    const folders: [string, string] = [`${root}/folder-a`, `${root}/folder-b`]
    pair = await startSyncthingPair([`${root}/home-a`, `${root}/home-b`], folders)
    await until(() => pair!.connected(), 'the two instances to connect')
    const laptop = await createTestVault()
    const desk = await createTestVault()
    vaults.push(laptop, desk)
    const shared = laptop.core.reflections.create({ body: 'A shared start.', mood: 3, tags: [], sessionId: null, bringToSession: false })
    await laptop.core.sync.enable({ folder: folders[0], deviceName: 'Laptop', passphrase: TEST_PASSPHRASE })
    await until(() => existsSync(join(folders[1], HEADER_NAME)), 'the header to reach the second folder')
    await desk.core.sync.enable({ folder: folders[1], deviceName: 'Desk', passphrase: TEST_PASSPHRASE })
    await until(async () => {
      await desk.core.sync.syncNow({})
      return desk.core.reflections.list({ limit: 10, before: null, tag: null }).some((r) => r.id === shared.id)
    }, 'the first entry to reach the second computer')

    for (let round = 0; round < 6; round++) {
      laptop.core.reflections.create({ body: `laptop entry ${round}`, mood: null, tags: ['laptop'], sessionId: null, bringToSession: false })
      desk.core.reflections.create({ body: `desk entry ${round}`, mood: null, tags: ['desk'], sessionId: null, bringToSession: false })
      const onLaptop = laptop.core.reflections.get({ id: shared.id })
      laptop.core.reflections.update({ id: shared.id, patch: { body: `${onLaptop.body} Laptop ${round}.`, mood: 1 + (round % 5) } })
      const onDesk = desk.core.reflections.get({ id: shared.id })
      desk.core.reflections.update({ id: shared.id, patch: { body: `Desk ${round}. ${onDesk.body}`, mood: 5 - (round % 5) } })
      await Promise.all([laptop.core.sync.syncNow({}), desk.core.sync.syncNow({})])
      await sleep(300)
    }

    await until(async () => {
      await laptop.core.sync.syncNow({})
      await desk.core.sync.syncNow({})
      return stateHash(laptop) === stateHash(desk)
    }, 'both computers to hold the same state')
    const list = (v: TestVault) => v.core.reflections.list({ limit: 100, before: null, tag: null })
    expect(list(desk)).toEqual(list(laptop))
    expect(list(laptop)).toHaveLength(13)
    const body = laptop.core.reflections.get({ id: shared.id }).body
    for (let round = 0; round < 6; round++) expect(body).toContain(`Laptop ${round}.`)
    for (let round = 0; round < 6; round++) expect(body).toContain(`Desk ${round}.`)
  })
})
