/**
 * The deterministic sync simulation: devices editing the same records while a simulated folder
 * sync (sim-network.ts) delays, reorders, truncates, duplicates and withholds their files, with
 * clocks hours apart, a key rotation when a fourth device is removed, and concurrent edits of
 * the same fields and texts. The removed device, offline, keeps writing files under its old key
 * that reach the others only at the end: they must never be applied, and are deleted. After
 * everything has arrived, every device must hold the same state, and every edit that was
 * acknowledged must be present, kept as history, or knowingly replaced by a later edit made on
 * a device that had it.
 */
import { randomBytes } from 'node:crypto'
import { createHlc, type Hlc } from '../../../src/main/core/sync/hlc'
import { flushOutbox, pullFiles, type Engine, type KeyRing } from '../../../src/main/core/sync/engine'
import { advanceOnline, deleteCompacted, maybeCompact, type CompactionPolicy } from '../../../src/main/core/sync/compaction'
import { localDelete, localSet, localText } from '../../../src/main/core/sync/local-edits'
import type { SetOp } from '../../../src/main/core/sync/ops'
import { DELETED_FIELD } from '../../../src/main/core/sync/ops'
import { HEADER_NAME } from '../../../src/main/core/sync/folder-names'
import { createMemoryStore, type MemoryStore } from './memory-store'
import { SimNetwork, seededRandom, type NetStats, type Random } from './sim-network'

const HOUR = 3_600_000
/** The replicas' clocks: one right, one three hours behind, one five hours ahead. */
const SKEWS = [0, -3 * HOUR, 5 * HOUR, 0]
const TABLE = 'entries'
/** Compaction as in the app, on the simulation's scale: gone after 3 days online, a snapshot every 10 files. */
const POLICY: CompactionPolicy = { goneAfterMs: 3 * 24 * HOUR, compactEveryFiles: 10 }
/** While one device is away, time runs faster: an hour per step. */
const AWAY_STEP_MS = HOUR
/** The title the removed device writes after its removal: no live device may ever show it. */
const AFTER_REMOVAL = 'after removal'

interface Device {
  engine: Engine
  store: MemoryStore
  hlc: Hlc
  ring: { current: number; keys: Map<number, Buffer> }
  /** The header bytes last read, so an unchanged header is not parsed again. */
  headerSeen: Buffer | null
  /** The roster as last read: removed devices and the last of their files that is applied. */
  removed: Map<string, number>
  retired: boolean
}

export interface SimulationResult {
  hashes: string[]
  acknowledged: number
  missing: string[]
  files: number
  net: NetStats
  rotations: number
  snapshots: number
  /** Times a device found its next files compacted away and was told to rejoin. */
  rejoins: number
  /** Files the removed device wrote after its removal; how many are still in some live device's folder; live devices that applied any. */
  afterRemoval: { written: number; left: number; applied: number }
  /** Files of the removed device up to its cut-off that the live devices deleted (once compacted). */
  retiredDeleted: number
}

function hexId(random: Random): string {
  let out = ''
  for (let i = 0; i < 16; i++) out += Math.floor(random() * 16).toString(16)
  return out
}

/** The simulated header: the key ring and the removed devices in the clear (the real one wraps and seals them; see sync-header.ts). */
const encodeHeader = (ring: KeyRing, removed: ReadonlyMap<string, number>): Buffer =>
  Buffer.from(JSON.stringify({ current: ring.current, keys: [...ring.keys].map(([e, k]) => [e, k.toString('base64')]), removed: [...removed] }))

function readHeader(device: Device): void {
  const bytes = device.engine.folder.read(HEADER_NAME)
  if (!bytes || bytes === device.headerSeen) return
  let parsed: { current: number; keys: Array<[number, string]>; removed: Array<[string, number]> }
  try {
    parsed = JSON.parse(bytes.toString('utf8')) as typeof parsed
  } catch {
    return // cut short in transit: the whole header comes later
  }
  device.headerSeen = bytes
  for (const [epoch, key] of parsed.keys) device.ring.keys.set(epoch, Buffer.from(key, 'base64'))
  device.ring.current = Math.max(device.ring.current, parsed.current)
  for (const [id, cutoff] of parsed.removed) device.removed.set(id, cutoff)
}

export function runSimulation(seed: number, steps: number): SimulationResult {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const net = new SimNetwork(random, SKEWS.length)
  let time = Date.UTC(2026, 11, 7, 9, 0, 0)
  const firstKey = randomBytes(32)
  const ids = SKEWS.map(() => hexId(random))
  const devices: Device[] = SKEWS.map((skew, index) => {
    const id = ids[index] as string
    const store = createMemoryStore(parseInt(id.slice(0, 8), 16))
    const hlc = createHlc(id, () => time + skew)
    const ring = { current: 1, keys: new Map([[1, firstKey]]) }
    const removed = new Map<string, number>()
    const engine: Engine = {
      device: id,
      folder: net.folder(index),
      store,
      hlc,
      now: () => time + skew,
      keyRing: () => ring,
      members: () => ids,
      lastSequence: (device) => removed.get(device),
    }
    return { engine, store, hlc, ring, headerSeen: null, removed, retired: false }
  })
  const guest = devices[3] as Device
  /** This device is cut off from the others for weeks in the middle of the run, writing all the while. */
  const wanderer = 2
  const away = { from: Math.floor(steps * 0.4), until: Math.floor(steps * 0.75) }
  const rows: string[] = []
  const acknowledged: SetOp[] = []
  let counter = 0
  let rotations = 0
  let files = 0
  let snapshots = 0
  let rejoins = 0

  const known = (d: Device, row: string): boolean =>
    d.store.cell(TABLE, row, 'title') !== undefined && d.store.cell(TABLE, row, DELETED_FIELD) === undefined
  const record = (d: Device, op: SetOp): void => {
    d.store.enqueue([op])
    acknowledged.push(op)
  }
  /** A pass's pull; a device told to rejoin does so at once (the person pressing the button). */
  const pull = (d: Device, budget: number): number => {
    readHeader(d)
    advanceOnline(d.engine)
    const pulled = pullFiles(d.engine, { files: budget, ops: Number.MAX_SAFE_INTEGER })
    if (![...pulled.waiting.values()].includes('compacted')) return pulled.files
    rejoins++
    return pulled.files + pullFiles(d.engine, { files: budget, ops: Number.MAX_SAFE_INTEGER, rejoin: true }).files
  }
  /** Files deleted by the passes (own compacted ones, and what the removed device left). */
  let deleted = 0
  /** A pass's sending: seal, then compact when this device is the one to, and tidy the folder. */
  const send = (d: Device): number => {
    const written = flushOutbox(d.engine)
    if (maybeCompact(d.engine, POLICY)) snapshots++
    deleted += deleteCompacted(d.engine)
    return written
  }

  const edit = (d: Device): void => {
    const roll = random()
    counter++
    if (roll < 0.15 || rows.length === 0) {
      const row = JSON.stringify([hexId(random)])
      rows.push(row)
      record(d, localSet(d.store, d.hlc, TABLE, row, 'title', `title ${counter}`))
      record(d, localSet(d.store, d.hlc, TABLE, row, 'done', false))
      const text = localText(d.store, d.hlc, TABLE, row, 'body', `first words ${counter}`)
      if (text) d.store.enqueue([text])
      return
    }
    const row = pick(rows)
    if (!known(d, row)) return
    if (roll < 0.5) {
      const field = random() < 0.7 ? 'title' : 'done'
      record(d, localSet(d.store, d.hlc, TABLE, row, field, field === 'title' ? `title ${counter}` : random() < 0.5))
    } else if (roll < 0.97) {
      const before = d.store.text(TABLE, row, 'body')
      const at = Math.floor(random() * (before.length + 1))
      const after =
        random() < 0.8 || before.length < 5
          ? `${before.slice(0, at)} w${counter}${before.slice(at)}`
          : `${before.slice(0, at)}${before.slice(at + 1 + Math.floor(random() * 4))}`
      const text = localText(d.store, d.hlc, TABLE, row, 'body', after)
      if (text) d.store.enqueue([text])
    } else {
      record(d, localDelete(d.store, d.hlc, TABLE, row))
    }
  }

  /** The removed device, offline for good, keeps writing under its old key until this step. */
  const guestStops = Math.floor(steps * 0.35)
  let guestCutoff = 0
  const afterRemoval = { written: 0, left: 0, applied: 0 }
  const guestIndex = devices.indexOf(guest)
  for (let step = 0; step < steps; step++) {
    time += Math.floor(random() * 2000) + (step >= away.from && step < away.until ? AWAY_STEP_MS : 0)
    if (step === away.from) net.cut(wanderer)
    if (step === away.until) net.reconnect(wanderer)
    net.tick()
    const active = devices.filter((d) => !d.retired)
    const d = pick(active)
    const roll = random()
    if (roll < 0.8) edit(d)
    else if (roll < 0.9) files += send(d)
    else pull(d, 1 + Math.floor(random() * 50))
    if (!guest.retired && step > steps * 0.3) {
      // The guest goes away for good: its last edits are sealed, and the first device removes it
      // after everything it wrote (a device that went away cleanly; docs/sync.md, "Devices and keys").
      files += flushOutbox(guest.engine)
      guest.retired = true
      guestCutoff = guest.store.ownSequence()
      net.cut(guestIndex)
      const owner = devices[0] as Device
      owner.ring.current += 1
      owner.ring.keys.set(owner.ring.current, randomBytes(32))
      owner.removed.set(guest.engine.device, guestCutoff)
      owner.engine.folder.write(HEADER_NAME, encodeHeader(owner.ring, owner.removed))
      rotations++
    } else if (guest.retired && step < guestStops && random() < 0.05 && rows.length > 0) {
      // Still running offline, it never read the new header: a file under the old key, never to be applied.
      guest.store.enqueue([localSet(guest.store, guest.hlc, TABLE, pick(rows), 'title', `${AFTER_REMOVAL} ${counter++}`)])
      const written = flushOutbox(guest.engine)
      files += written
      afterRemoval.written += written
    }
  }

  // Every file arrives; devices keep sealing and applying until nothing moves.
  net.deliverAll()
  const live = devices.filter((d) => !d.retired)
  for (let round = 0; round < 50; round++) {
    let moved = 0
    const deletedBefore = deleted
    for (const d of live) moved += send(d)
    files += moved
    moved += deleted - deletedBefore
    net.deliverAll()
    for (const d of live) moved += pull(d, Number.MAX_SAFE_INTEGER)
    if (moved === 0) break
  }

  const reference = live[0] as Device
  const missing: string[] = []
  for (const op of acknowledged) {
    const cell = reference.store.cell(op.t, op.r, op.f)
    const present = cell?.stamp === op.s
    if (!present && !reference.store.hasHistory(op.t, op.r, op.f, op.s) && !reference.store.isSuperseded(op.t, op.r, op.f, op.s)) {
      missing.push(`${op.t}/${op.r}/${op.f}@${op.s}`)
    }
  }
  const guestFiles = (d: Device): number[] =>
    d.engine.folder.list(`devices/${guest.engine.device}`).map(Number).filter((sequence) => Number.isSafeInteger(sequence))
  Object.assign(afterRemoval, {
    left: live.reduce((sum, d) => sum + guestFiles(d).filter((sequence) => sequence > guestCutoff).length, 0),
    applied: live.filter((d) => [...d.store.cellValues()].some((value) => String(value).startsWith(AFTER_REMOVAL))).length,
  })
  const retiredDeleted = live.reduce((sum, d) => sum + guestCutoff - guestFiles(d).filter((sequence) => sequence <= guestCutoff).length, 0)
  return { hashes: live.map((d) => d.store.hash()), acknowledged: acknowledged.length, missing, files, net: net.stats, rotations, snapshots, rejoins, afterRemoval, retiredDeleted }
}
