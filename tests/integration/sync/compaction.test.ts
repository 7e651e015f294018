import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CompactionPolicy } from '../../../src/main/core/sync/compaction'
import { vaultSyncStore } from '../../../src/main/core/sync/sync-state.repo'
import { createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

const HOUR = 3_600_000
/** The app's rules on a test's scale: gone after 3 hours online, a snapshot as soon as one file is compactable. */
const POLICY: CompactionPolicy = { goneAfterMs: 3 * HOUR, compactEveryFiles: 1 }

let cleanup: Array<() => void> = []
afterEach(() => {
  for (const done of cleanup) done()
  cleanup = []
})

async function computer(folder: string, name: string): Promise<TestVault> {
  const vault = await createTestVault()
  cleanup.push(() => vault.cleanup())
  await vault.core.sync.enable({ folder, deviceName: name, passphrase: TEST_PASSPHRASE })
  return vault
}

const pass = (v: TestVault, rejoin = false) => v.core.sync.syncNow({ policy: POLICY, rejoin })

async function settle(computers: readonly TestVault[]): Promise<void> {
  for (let round = 0; round < 12; round++) {
    let moved = 0
    for (const v of computers) {
      const result = await pass(v)
      moved += result.appliedFiles + result.sent
    }
    if (moved === 0) return
  }
  throw new Error('sync did not settle')
}

const bodies = (v: TestVault): string[] =>
  v.core.reflections
    .list({ limit: 100, before: null, tag: null })
    .map((r) => r.body)
    .sort()
const hash = (v: TestVault): string => vaultSyncStore(v.core.vault.db(), 0).hash()
const deviceId = (v: TestVault): string => {
  const status = v.core.sync.status()
  if (!status.enabled) throw new Error('sync is off')
  return status.deviceId
}

describe('compaction into a snapshot, and a computer that was away too long', () => {
  it('compacts what every current computer applied; the long-gone one is told to rejoin and loses nothing; a new one starts from the snapshot', async () => {
    const folder = makeTempDir('between-sync-')
    cleanup.push(() => rmSync(folder, { recursive: true, force: true }))
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    const wanderer = await computer(folder, 'Old laptop')
    const shared = laptop.core.reflections.create({ body: 'the shared entry', mood: 3, tags: [], sessionId: null, bringToSession: false })
    wanderer.core.reflections.create({ body: 'before going away', mood: null, tags: [], sessionId: null, bringToSession: false })
    await settle([laptop, desk, wanderer])

    // The old laptop goes into a drawer; written there before it went offline for good:
    wanderer.core.reflections.update({ id: shared.id, patch: { mood: 1 } })
    wanderer.core.reflections.create({ body: 'written while away', mood: null, tags: [], sessionId: null, bringToSession: false })
    // The other two keep writing for hours (online), and sync.
    for (let hour = 0; hour < 6; hour++) {
      laptop.clock.advance(HOUR)
      desk.clock.advance(HOUR)
      laptop.core.reflections.create({ body: `laptop hour ${hour}`, mood: null, tags: [], sessionId: null, bringToSession: false })
      desk.core.reflections.create({ body: `desk hour ${hour}`, mood: null, tags: [], sessionId: null, bringToSession: false })
      if (hour === 2) laptop.core.reflections.update({ id: shared.id, patch: { mood: 5 } })
      await settle([laptop, desk])
    }
    // Snapshots were written; each writer keeps only its latest.
    const writers = readdirSync(join(folder, 'snapshots'))
    expect(writers.length).toBeGreaterThan(0)
    for (const writer of writers) expect(readdirSync(join(folder, 'snapshots', writer))).toHaveLength(1)
    // Each computer deleted its own files the snapshot covers (the first ones).
    expect(existsSync(join(folder, 'devices', deviceId(laptop), '0000000001'))).toBe(false)
    expect(existsSync(join(folder, 'devices', deviceId(desk), '0000000001'))).toBe(false)

    // Back from the drawer: told to rejoin, with a clear status; nothing of the others' applied yet past the gap.
    const back = await pass(wanderer)
    expect(back.rejoinNeeded).toBe(true)
    expect(wanderer.core.sync.status()).toMatchObject({ rejoinNeeded: true })
    expect(bodies(wanderer)).not.toContain('laptop hour 5')
    const rejoined = await pass(wanderer, true)
    expect(rejoined.rejoinNeeded).toBe(false)
    await settle([laptop, desk, wanderer])

    const everything = [
      'before going away',
      ...[0, 1, 2, 3, 4, 5].flatMap((h) => [`desk hour ${h}`, `laptop hour ${h}`]),
      'the shared entry',
      'written while away',
    ].sort()
    for (const v of [laptop, desk, wanderer]) {
      expect(bodies(v)).toEqual(everything)
      expect(v.core.sync.status()).toMatchObject({ rejoinNeeded: false })
      // The mood set on the old laptop lost to the later one and is kept as history everywhere.
      expect(v.core.reflections.get({ id: shared.id }).mood).toBe(5)
      expect(v.core.sync.history({ table: 'reflections', id: shared.id }).filter((h) => h.field === 'mood').map((h) => h.value)).toContain(1)
    }
    expect(new Set([laptop, desk, wanderer].map(hash)).size).toBe(1)

    // A snapshot renamed (moved to another writer's folder) or cut short is never applied: a new
    // computer that finds only such copies gets nothing from them, and no error.
    const real = writers.flatMap((writer) => readdirSync(join(folder, 'snapshots', writer)).map((name) => join(folder, 'snapshots', writer, name)))
    const aside = makeTempDir('between-snapshots-aside-')
    cleanup.push(() => rmSync(aside, { recursive: true, force: true }))
    real.forEach((path, i) => {
      const bytes = readFileSync(path)
      renameSync(path, join(aside, String(i)))
      const forger = `aaaaaaaaaaaaaaa${i}`
      mkdirSync(join(folder, 'snapshots', forger), { recursive: true })
      writeFileSync(join(folder, 'snapshots', forger, '0000000001'), bytes)
      writeFileSync(`${path.slice(0, -10)}0000009999`, bytes.subarray(0, bytes.length - 7))
    })
    const early = await computer(folder, 'Spare')
    expect(bodies(early)).not.toContain('the shared entry')
    for (const writer of readdirSync(join(folder, 'snapshots'))) rmSync(join(folder, 'snapshots', writer), { recursive: true })
    real.forEach((path, i) => {
      mkdirSync(join(path, '..'), { recursive: true })
      renameSync(join(aside, String(i)), path)
    })
    await settle([early])
    expect(bodies(early)).toContain('the shared entry')

    // A computer joining now starts from the snapshot (its first files are gone) without being asked.
    const fresh = await computer(folder, 'New desk')
    await settle([laptop, desk, wanderer, fresh])
    expect(bodies(fresh)).toEqual(everything)
    expect(fresh.core.sync.status()).toMatchObject({ rejoinNeeded: false })
    expect(hash(fresh)).toBe(hash(laptop))
  })
})
