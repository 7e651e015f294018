/**
 * A computer whose vault goes back to an older copy of itself while sync is on: a backup
 * restored, or the vault folder copied back from a disk. Its sync state then lags what it had
 * already written into the folder under the same device id. Nothing it wrote may be lost or
 * overwritten, and both computers end with the same state.
 */
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core'
import type { CompactionPolicy } from '../../../src/main/core/sync/compaction'
import { sequenceName } from '../../../src/main/core/sync/folder-names'
import { makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'
import { mergedStateHash as hash, reflectionBodies as bodies, settleAll, syncedComputers } from '../../helpers/sync/two-vaults'

const { computer, later } = syncedComputers()

const write = (core: Core, body: string) => core.reflections.create({ body, mood: null, tags: [], sessionId: null, bringToSession: false })
/** A snapshot as soon as one file is compactable (each computer then deletes its own files it covers). */
const DAY = 24 * 3_600_000
const POLICY: CompactionPolicy = { goneAfterMs: 90 * DAY, compactEveryFiles: 1 }
const settle = (computers: readonly TestVault[], policy?: CompactionPolicy) => settleAll(computers, (v) => v.core.sync.syncNow(policy ? { policy } : {}))

function deviceIdOf(v: TestVault): string {
  const status = v.core.sync.status()
  if (!status.enabled) throw new Error('sync is off')
  return status.deviceId
}

/** Every file in a device's folder, by name, with its bytes. */
function filesOf(folder: string, device: string): Map<string, Buffer> {
  const dir = join(folder, 'devices', device)
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]))
}

/** The sequence of the last file this computer's vault records writing. */
const ownSequence = (v: TestVault): number => v.core.vault.db().prepare('SELECT own_sequence FROM sync_settings WHERE id = 1').pluck().get() as number

function newFolder(): string {
  const folder = makeTempDir('between-sync-')
  later(() => rmSync(folder, { recursive: true, force: true }))
  return folder
}

/** The vault folder as it is now, locked (as a backup or a copy holds it). */
function copyOf(v: TestVault): string {
  v.core.vault.lock()
  const copy = makeTempDir('between-older-copy-')
  later(() => rmSync(copy, { recursive: true, force: true }))
  cpSync(v.dir, copy, { recursive: true })
  return copy
}

/** The vault folder replaced by `copy`, and a computer over it unlocked (its old core closed). */
async function backTo(v: TestVault, copy: string): Promise<TestVault> {
  v.core.close()
  for (const name of readdirSync(v.dir)) rmSync(join(v.dir, name), { recursive: true, force: true })
  cpSync(copy, v.dir, { recursive: true })
  const core = v.reopen()
  later(() => core.close())
  await core.vault.unlock({ passphrase: TEST_PASSPHRASE })
  return { ...v, core }
}

/** Two computers syncing through a fresh folder. */
async function laptopAndDesk(): Promise<{ folder: string; laptop: TestVault; desk: TestVault }> {
  const folder = newFolder()
  return { folder, laptop: await computer(folder, 'Laptop'), desk: await computer(folder, 'Desk') }
}

describe('a vault that goes back to an older copy of itself while sync is on', () => {
  it('gets back what it wrote after the copy, overwrites none of its files, and converges', { timeout: 90_000 }, async () => {
    const { folder, laptop, desk } = await laptopAndDesk()
    write(laptop.core, 'before the copy')
    await settle([laptop, desk])

    const copy = copyOf(laptop)
    await laptop.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    write(laptop.core, 'after the copy, on the laptop')
    write(desk.core, 'after the copy, on the desk')
    await settle([laptop, desk])
    const device = deviceIdOf(laptop)
    const written = filesOf(folder, device)

    const restored = await backTo(laptop, copy)
    expect(bodies(restored)).toEqual(['before the copy'])
    write(restored.core, 'after going back')
    await settle([restored, desk])

    const everything = ['after going back', 'after the copy, on the desk', 'after the copy, on the laptop', 'before the copy']
    expect(bodies(restored)).toEqual(everything)
    expect(bodies(desk)).toEqual(everything)
    expect(hash(restored)).toBe(hash(desk))
    // Every file the laptop wrote before going back is still there, byte for byte.
    const now = filesOf(folder, device)
    for (const [name, bytes] of written) expect(now.get(name)?.equals(bytes), name).toBe(true)
  })

  it('an entry edited after the copy and edited again after going back keeps both edits on both computers', { timeout: 90_000 }, async () => {
    const { laptop, desk } = await laptopAndDesk()
    const { id } = write(desk.core, 'A walk by the river.')
    await settle([laptop, desk])

    const copy = copyOf(laptop)
    await laptop.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    laptop.core.reflections.update({ id, patch: { body: 'Before: a walk by the river.', mood: 4 } })
    await settle([laptop, desk])

    const restored = await backTo(laptop, copy)
    restored.core.reflections.update({ id, patch: { body: 'A walk by the river. After: tea.' } })
    await settle([restored, desk])

    for (const v of [restored, desk]) {
      expect(v.core.reflections.get({ id })).toMatchObject({ body: 'Before: a walk by the river. After: tea.', mood: 4 })
    }
    expect(hash(restored)).toBe(hash(desk))
  })

  it('its later files already compacted away: it asks to rejoin, writes nothing meanwhile, and rejoining brings them back', { timeout: 90_000 }, async () => {
    const { folder, laptop, desk } = await laptopAndDesk()
    write(laptop.core, 'before the copy')
    await settle([laptop, desk])
    const device = deviceIdOf(laptop)
    const firstAfterCopy = sequenceName(ownSequence(laptop) + 1)

    const copy = copyOf(laptop)
    await laptop.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    write(laptop.core, 'after the copy, on the laptop')
    // Until a snapshot covers the laptop's files from the copy on, and the laptop has deleted them
    // (a day on, each computer says what it has applied).
    for (let round = 0; round < 6 && (round === 0 || filesOf(folder, device).has(firstAfterCopy)); round++) {
      for (const v of [laptop, desk]) v.clock.advance(DAY)
      await settle([laptop, desk], POLICY)
    }
    expect(filesOf(folder, device).has(firstAfterCopy)).toBe(false)
    const written = filesOf(folder, device)

    const restored = await backTo(laptop, copy)
    write(restored.core, 'after going back')
    const first = await restored.core.sync.syncNow({ policy: POLICY })
    expect(first).toMatchObject({ rejoinNeeded: true, sent: 0 })
    expect(filesOf(folder, device)).toEqual(written)

    await restored.core.sync.syncNow({ policy: POLICY, rejoin: true })
    await settle([restored, desk], POLICY)
    const everything = ['after going back', 'after the copy, on the laptop', 'before the copy']
    expect(bodies(restored)).toEqual(everything)
    expect(bodies(desk)).toEqual(everything)
    expect(hash(restored)).toBe(hash(desk))
  })
})
