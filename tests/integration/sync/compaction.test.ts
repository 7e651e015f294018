import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate as turn } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompactionPolicy } from '../../../src/main/core/sync/compaction'
import { TEXT_NAME } from '../../../src/main/core/sync/merge'
import type { Op } from '../../../src/main/core/sync/ops'
import { openFile } from '../../../src/main/core/sync/sealed-file'
import { readKeys } from '../../../src/main/core/sync/sync-settings.repo'
import { vaultSyncStore } from '../../../src/main/core/sync/sync-state.repo'
import { makeTempDir, type TestVault } from '../../helpers/test-vault'
import { mergedStateHash as hash, reflectionBodies as bodies, settleAll, syncedComputers } from '../../helpers/sync/two-vaults'

const HOUR = 3_600_000
/** The app's rules on a test's scale: gone after 3 hours online, a snapshot as soon as one file is compactable. */
const POLICY: CompactionPolicy = { goneAfterMs: 3 * HOUR, compactEveryFiles: 1 }

const { computer, later } = syncedComputers()

const pass = (v: TestVault, rejoin = false) => v.core.sync.syncNow({ policy: POLICY, rejoin })

const settle = (computers: readonly TestVault[]) => settleAll(computers, (v) => pass(v))

const deviceId = (v: TestVault): string => {
  const status = v.core.sync.status()
  if (!status.enabled) throw new Error('sync is off')
  return status.deviceId
}

describe('compaction into a snapshot, and a computer that was away too long', () => {
  it('compacts what every current computer applied; the long-gone one is told to rejoin and loses nothing; a new one starts from the snapshot', { timeout: 90_000 }, async () => {
    const folder = makeTempDir('between-sync-')
    later(() => rmSync(folder, { recursive: true, force: true }))
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
    later(() => rmSync(aside, { recursive: true, force: true }))
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

  it('a snapshot written while the person saves holds the state it covers, the saves arrive on the next pass, and a new computer joins from it in slices', { timeout: 90_000 }, async () => {
    const folder = makeTempDir('between-sync-')
    later(() => rmSync(folder, { recursive: true, force: true }))
    const laptop = await computer(folder, 'Laptop')
    const desk = await computer(folder, 'Desk')
    for (let i = 0; i < 60; i++) laptop.core.reflections.create({ body: `before ${i}`, mood: 2, tags: [], sessionId: null, bringToSession: false })
    // What the snapshot's parser must read past: quotes, brackets and commas inside a text.
    laptop.core.reflections.create({ body: 'a "quoted", [bracketed] {braced} back\\slash ]},{ end', mood: 2, tags: ['x]"', '{y,'], sessionId: null, bringToSession: false })
    await settle([laptop, desk])
    // The device with the lower id writes the snapshots; the other one's new file gives it cause to.
    const [writer, other] = deviceId(laptop) < deviceId(desk) ? [laptop, desk] : [desk, laptop]
    other.core.reflections.create({ body: 'from the other computer', mood: 4, tags: [], sessionId: null, bringToSession: false })
    await pass(other)
    const shared = writer.core.reflections.create({ body: 'edited while compacting', mood: 1, tags: [], sessionId: null, bringToSession: false })
    await pass(writer)

    other.core.reflections.create({ body: 'another from the other computer', mood: 4, tags: [], sessionId: null, bringToSession: false })
    await pass(other)
    // The person keeps saving at every turn of the event loop while the writer's pass runs
    // (slices of no time at all: the state is read one entry per slice).
    const saved: string[] = []
    let running = true
    const compacting = writer.core.sync.syncNow({ policy: POLICY, chunkMs: 0 }).finally(() => (running = false))
    while (running) {
      await turn()
      if (saved.length >= 300) continue
      const body = `saved while compacting ${saved.length}`
      writer.core.reflections.create({ body, mood: 3, tags: [], sessionId: null, bringToSession: false })
      writer.core.reflections.update({ id: shared.id, patch: { mood: 1 + (saved.length % 5) } })
      saved.push(body)
    }
    expect((await compacting).compacted).toBe(true)
    expect(saved.length).toBeGreaterThan(100)

    // The snapshot holds the merged state as the pass planned it: everything before, nothing
    // half-saved since (the saves are captured by the next pass, into files it does not cover).
    const snapshots = join(folder, 'snapshots', deviceId(writer))
    const [name] = readdirSync(snapshots)
    const opened = openFile(readKeys(writer.core.vault.db()), { kind: 'snapshot', device: deviceId(writer), sequence: Number(name) }, readFileSync(join(snapshots, name!)))
    if (!opened.ok) throw new Error(`snapshot does not open: ${opened.why}`)
    const payload = JSON.parse(opened.payload.toString('utf8')) as { ops: Op[]; covers: Record<string, number> }
    const texts = payload.ops.flatMap((op) => {
      if (op.k !== 't') return []
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Buffer.from(op.u, 'base64'))
      return [doc.getText(TEXT_NAME).toString()]
    })
    for (let i = 0; i < 60; i++) expect(texts).toContain(`before ${i}`)
    expect(texts).toContain('from the other computer')
    expect(texts).toContain('edited while compacting')
    expect(texts.filter((t) => t.startsWith('saved while compacting'))).toEqual([])
    expect(payload.covers[deviceId(writer)]).toBe(vaultSyncStore(writer.core.vault.db(), 0).ownSequence())

    // Every save reaches the other computer after the next passes, the last mood included.
    await settle([writer, other])
    expect(bodies(other)).toEqual(bodies(writer))
    for (const body of saved) expect(bodies(other)).toContain(body)
    expect(other.core.reflections.get({ id: shared.id }).mood).toBe(writer.core.reflections.get({ id: shared.id }).mood)
    expect(hash(other)).toBe(hash(writer))

    // A new computer starts from the snapshot (the first files are gone); with more operations in
    // it than a chunk takes (200), it is joined over several chunks, each its own transaction.
    expect(existsSync(join(folder, 'devices', deviceId(laptop), '0000000001'))).toBe(false)
    expect(payload.ops.length).toBeGreaterThan(200)
    const fresh = await computer(folder, 'New desk')
    await settle([writer, other, fresh])
    expect(bodies(fresh)).toEqual(bodies(writer))
    expect(hash(fresh)).toBe(hash(writer))
  })
})
