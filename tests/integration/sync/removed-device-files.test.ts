import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { captureChanges } from '../../../src/main/core/sync/capture'
import type { CompactionPolicy } from '../../../src/main/core/sync/compaction'
import { flushOutbox } from '../../../src/main/core/sync/engine'
import { sequenceName } from '../../../src/main/core/sync/folder-names'
import { openSession } from '../../../src/main/core/sync/sync-session'
import { makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'
import { mergedStateHash as hash, reflectionBodies as bodies, settleAll, syncedComputers } from '../../helpers/sync/two-vaults'

/** A snapshot as soon as one file is compactable (the app waits for 200). */
const POLICY: CompactionPolicy = { goneAfterMs: 90 * 24 * 3_600_000, compactEveryFiles: 1 }

const { computer, later } = syncedComputers()

const pass = (v: TestVault) => v.core.sync.syncNow({ policy: POLICY })

const settle = (computers: readonly TestVault[]) => settleAll(computers, (v) => pass(v))

const write = (v: TestVault, body: string) => v.core.reflections.create({ body, mood: null, tags: [], sessionId: null, bringToSession: false })
const idOf = (v: TestVault): string => {
  const status = v.core.sync.status()
  if (!status.enabled) throw new Error('sync is off')
  return status.deviceId
}
const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : [])

/**
 * The removed computer, still running where the new header has not reached it yet: it seals its
 * latest edit under the key it holds (the old one) into its own folder, as its pass would.
 */
function writeWithoutTheNewHeader(v: TestVault): void {
  const session = openSession(v.core.vault.db(), () => v.clock.now())
  if (!session) throw new Error('sync is off')
  captureChanges(session.db, session.store, session.engine.hlc)
  flushOutbox(session.engine)
}

describe("a removed computer's files leave the sync folder", () => {
  it('the others ignore what it wrote after its removal and delete it; its earlier files go once a snapshot holds them, and a new computer still gets their words', { timeout: 90_000 }, async () => {
    const folder = makeTempDir('between-sync-')
    later(() => rmSync(folder, { recursive: true, force: true }))
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    const old = await computer(folder, 'Old laptop')
    write(old, 'written on the old laptop')
    write(laptop, 'written on the laptop')
    await settle([laptop, desk, old])
    const oldId = idOf(old)
    const oldDir = join(folder, 'devices', oldId)
    const cutoff = Math.max(...list(oldDir).map(Number))

    await laptop.core.sync.removeDevice({ deviceId: oldId, passphrase: TEST_PASSPHRASE })
    write(old, 'after removal')
    writeWithoutTheNewHeader(old)
    const late = join(oldDir, sequenceName(cutoff + 1))
    expect(existsSync(late)).toBe(true)
    // An engine's conflict copy of one of its files: never read, deleted with the rest.
    copyFileSync(join(oldDir, sequenceName(cutoff)), join(oldDir, `${sequenceName(cutoff)}.sync-conflict-20261207-101500-ABCDEFG`))

    // The file written after the removal is never applied, and goes at once (nobody will ever apply it);
    // the earlier ones stay until a snapshot holds them. The two delete at the same time.
    await Promise.all([pass(laptop), pass(desk)])
    expect(existsSync(late)).toBe(false)
    expect(list(oldDir).filter((name) => name.includes('conflict'))).toEqual([])
    for (const v of [laptop, desk]) expect(bodies(v)).not.toContain('after removal')
    expect(desk.core.sync.status()).toMatchObject({ devices: expect.arrayContaining([expect.objectContaining({ id: oldId, removed: true, waitingFiles: 0 })]) })

    // The two carry on; a snapshot compacts what both applied, the removed computer's files with it.
    // Both write, so each says in a file of its own what it has applied (otherwise whether the
    // old laptop's files are compactable yet depends on the order the random ids give the passes).
    write(desk, 'written on the desk')
    write(laptop, 'and on the laptop')
    await settle([laptop, desk])
    await Promise.all([pass(laptop), pass(desk)])
    expect(list(join(folder, 'snapshots')).length).toBeGreaterThan(0)
    expect(existsSync(oldDir)).toBe(false)
    expect(existsSync(join(folder, 'snapshots', oldId))).toBe(false)

    // A sync engine brings a deleted file back (an offline peer's copy): deleted again, nothing changes.
    const before = hash(laptop)
    mkdirSync(oldDir, { recursive: true })
    writeFileSync(join(oldDir, sequenceName(1)), Buffer.alloc(512))
    await Promise.all([pass(laptop), pass(desk)])
    expect(existsSync(oldDir)).toBe(false)
    expect(hash(laptop)).toBe(before)

    // Nothing anyone needs was deleted: a computer joining now gets the old laptop's words from the snapshot.
    const fresh = await computer(folder, 'New desk')
    await settle([laptop, desk, fresh])
    const everything = ['and on the laptop', 'written on the desk', 'written on the laptop', 'written on the old laptop']
    for (const v of [laptop, desk, fresh]) expect(bodies(v)).toEqual(everything)
    expect(new Set([laptop, desk, fresh].map(hash)).size).toBe(1)

    // The removed computer comes back: told it was removed, it applies nothing and writes nothing.
    await expect(old.core.sync.syncNow({})).rejects.toMatchObject({ code: 'SYNC_DEVICE_REMOVED' })
    expect(() => old.core.sync.status()).toThrow(expect.objectContaining({ code: 'SYNC_DEVICE_REMOVED' }))
    expect(bodies(old)).not.toContain('written on the desk')
    expect(existsSync(oldDir)).toBe(false)
    expect(hash(laptop)).toBe(hash(fresh))
  })

  it('a deletion stopped half-way (a crash) is finished by the next pass, on any computer', { timeout: 90_000 }, async () => {
    const folder = makeTempDir('between-sync-')
    later(() => rmSync(folder, { recursive: true, force: true }))
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    const old = await computer(folder, 'Old laptop')
    const noSnapshot = { ...POLICY, compactEveryFiles: 1_000_000 }
    const settleWithout = async (computers: readonly TestVault[]): Promise<void> => {
      for (let round = 0; round < 3; round++) for (const v of computers) await v.core.sync.syncNow({ policy: noSnapshot })
    }
    for (let i = 0; i < 4; i++) {
      write(old, `old ${i}`)
      await settleWithout([laptop, desk, old])
    }
    const oldDir = join(folder, 'devices', idOf(old))
    await laptop.core.sync.removeDevice({ deviceId: idOf(old), passphrase: TEST_PASSPHRASE })
    // Both write, so each says in a file of its own that it has applied all of the old laptop's
    // (otherwise which of them is compactable depends on the order their ids give the passes).
    write(desk, 'after the removal')
    write(laptop, 'and on the laptop')
    await settleWithout([laptop, desk])
    const files = list(oldDir).length
    expect(files).toBeGreaterThan(2)

    // The snapshot's writer stops right after deleting the first of them.
    const [writer, other] = idOf(laptop) < idOf(desk) ? [laptop, desk] : [desk, laptop]
    const stopped = await writer.core.sync.syncNow({ policy: POLICY, chunkMs: 0, signal: { get aborted() { return list(oldDir).length < files } } })
    expect(stopped).toMatchObject({ compacted: true, aborted: true })
    expect(list(oldDir).length).toBe(files - 1)
    // The other computer's next pass deletes the rest.
    await pass(other)
    expect(existsSync(oldDir)).toBe(false)
    expect(bodies(other)).toEqual(['after the removal', 'and on the laptop', 'old 0', 'old 1', 'old 2', 'old 3'])
  })
})
