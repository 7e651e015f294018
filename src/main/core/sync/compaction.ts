/**
 * Compaction: old operation files are folded into one sealed snapshot of the merged state once
 * every current device has applied them, and each device then deletes its own files the snapshot
 * covers (one writer per file still holds: nobody deletes another device's file).
 *
 * - Every operation file carries the sender's acknowledgements: how far it has applied each other
 *   device's files. A device that only reads publishes them in an operation file without
 *   operations, when it has applied ACK_EVERY_FILES files since it last said so, once a day
 *   when anything changed, and at least every ALIVE_EVERY_MS.
 * - A device is *current* unless this device has been online GONE_AFTER_MS (90 days) without
 *   hearing from it (a file of it applied, or a new one seen in the folder). Time spent offline here does not
 *   count, so a laptop back from a drawer does not think everyone else has gone.
 * - The current device with the lowest id writes (never a device that counts itself alone while
 *   other devices are in the folder: it may be the one cut off; remove a lost device instead) `snapshots/<its id>/<n>` when the files that
 *   every current device has applied have grown by COMPACT_EVERY_FILES, then deletes its older
 *   snapshots. The snapshot holds the whole merged state as operations (`covers`: the files it
 *   contains) and `compacted`: per device, the files every current device had applied.
 * - A device whose next file is gone but covered by a snapshot takes the snapshots (a join of
 *   merged states: nothing of its own is lost, losers go to history) — at once when it has
 *   applied nothing yet (a new device), otherwise only when the person says so (`rejoin`): a
 *   long-gone device is told to rejoin.
 */
import { DEVICE_ID_PATTERN, type Stamp } from './hlc'
import { DEVICES_DIR, SNAPSHOTS_DIR, classifyPath, opFilePath, snapshotPath } from './folder-names'
import type { Engine } from './engine'
import { applyOp } from './merge'
import { parseOpBatch, type Op } from './ops'
import { openFile, sealFile } from './sealed-file'

const DAY = 24 * 3_600_000
export const GONE_AFTER_MS = 90 * DAY
/** A gap between two passes counts as online time up to this much (a longer one was offline). */
export const ONLINE_GAP_CAP_MS = DAY
export const ACK_EVERY_FILES = 50
export const ACK_CHANGED_EVERY_MS = DAY
export const ALIVE_EVERY_MS = 30 * DAY
export const COMPACT_EVERY_FILES = 200

export interface CompactionPolicy {
  goneAfterMs: number
  compactEveryFiles: number
}

export const DEFAULT_POLICY: CompactionPolicy = { goneAfterMs: GONE_AFTER_MS, compactEveryFiles: COMPACT_EVERY_FILES }

/** Per device, a file sequence. */
export type Vector = Record<string, number>

export const isVector = (value: unknown): value is Vector =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(([device, sequence]) => DEVICE_ID_PATTERN.test(device) && Number.isSafeInteger(sequence) && (sequence as number) >= 0)

const numberMeta = (engine: Engine, name: string): number => {
  const value = engine.store.meta(name)
  return typeof value === 'number' ? value : 0
}
/** A meta value that maps device ids to something (a sequence, a time, a vector); empty when unset. */
const byDeviceMeta = <T>(engine: Engine, name: string): Record<string, T> => {
  const value = engine.store.meta(name)
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, T>) : {}
}

/** The devices that joined or have a folder, this one included (one that has not written yet counts too). */
export const listedDevices = (engine: Engine): string[] =>
  [...new Set([engine.device, ...(engine.members?.() ?? []), ...engine.folder.list(DEVICES_DIR).filter((name) => DEVICE_ID_PATTERN.test(name))])].sort()

/** How far this device has applied every other device's files. */
export function appliedVector(engine: Engine): Vector {
  const vector: Vector = {}
  for (const device of listedDevices(engine)) if (device !== engine.device) vector[device] = engine.store.appliedSequence(device)
  return vector
}

const total = (vector: Vector): number => Object.values(vector).reduce((a, b) => a + b, 0)

/** Adds the time since the last pass (at most ONLINE_GAP_CAP_MS) to this device's time online. */
export function advanceOnline(engine: Engine): void {
  const now = engine.now()
  const last = engine.store.meta('lastPassAt')
  const gap = typeof last === 'number' ? Math.min(Math.max(now - last, 0), ONLINE_GAP_CAP_MS) : 0
  engine.store.setMeta('online', numberMeta(engine, 'online') + gap)
  engine.store.setMeta('lastPassAt', now)
}

/** Heard from a device now (in online time); with its acknowledgements when its file carried them. */
export function noteHeard(engine: Engine, device: string, acks?: Vector): void {
  const heard = byDeviceMeta<number>(engine, 'heard')
  engine.store.setMeta('heard', { ...heard, [device]: numberMeta(engine, 'online') })
  if (acks) {
    const all = byDeviceMeta<Vector>(engine, 'acks')
    const merged: Vector = { ...all[device] }
    for (const [of, sequence] of Object.entries(acks)) merged[of] = Math.max(merged[of] ?? 0, sequence)
    engine.store.setMeta('acks', { ...all, [device]: merged })
  }
}

/** Remembers the acknowledgements just sealed into a file. */
export function notePublished(engine: Engine, acks: Vector): void {
  engine.store.setMeta('published', { at: engine.now(), acks })
}

/** Whether a file of acknowledgements alone is due (see the rules above). */
export function acksDue(engine: Engine): boolean {
  const published = engine.store.meta('published') as { at: number; acks: Vector } | undefined
  if (!published) return total(appliedVector(engine)) > 0
  const changed = total(appliedVector(engine)) - total(published.acks)
  const elapsed = engine.now() - published.at
  return changed >= ACK_EVERY_FILES || (changed > 0 && elapsed >= ACK_CHANGED_EVERY_MS) || elapsed >= ALIVE_EVERY_MS
}

export interface Snapshot {
  path: string
  covers: Vector
  compacted: Vector
}

interface SnapshotPayload {
  covers: Vector
  compacted: Vector
  ops: Op[]
  superseded: Array<[table: string, row: string, field: string, stamp: Stamp]>
}

function parseSnapshot(value: unknown): SnapshotPayload | null {
  if (typeof value !== 'object' || value === null) return null
  const o = value as Record<string, unknown>
  if (Object.keys(o).length !== 4 || !isVector(o.covers) || !isVector(o.compacted) || !Array.isArray(o.superseded)) return null
  const ops = parseOpBatch({ ops: o.ops })
  const superseded = o.superseded.every((s) => Array.isArray(s) && s.length === 4 && s.every((part) => typeof part === 'string'))
  return ops && superseded ? { covers: o.covers, compacted: o.compacted, ops, superseded: o.superseded as SnapshotPayload['superseded'] } : null
}

function openSnapshot(engine: Engine, path: string): SnapshotPayload | null {
  const entry = classifyPath(path)
  if (entry.kind !== 'snapshot') return null
  const bytes = engine.folder.read(path)
  if (!bytes) return null
  const opened = openFile(engine.keyRing().keys, { kind: 'snapshot', device: entry.device, sequence: entry.sequence }, bytes)
  if (!opened.ok) return null
  try {
    return parseSnapshot(JSON.parse(opened.payload.toString('utf8')))
  } catch {
    return null
  }
}

/** Snapshot paths are never reused, so what a path holds is read once. */
const known = new WeakMap<Engine, Map<string, Snapshot>>()

/** The snapshots in the folder that open (a snapshot still arriving is not there yet). */
export function readSnapshots(engine: Engine): Snapshot[] {
  let cache = known.get(engine)
  if (!cache) known.set(engine, (cache = new Map()))
  const found: Snapshot[] = []
  for (const writer of engine.folder.list(SNAPSHOTS_DIR)) {
    for (const name of engine.folder.list(`${SNAPSHOTS_DIR}/${writer}`)) {
      const path = `${SNAPSHOTS_DIR}/${writer}/${name}`
      let snapshot = cache.get(path)
      if (!snapshot) {
        const payload = openSnapshot(engine, path)
        if (!payload) continue
        snapshot = { path, covers: payload.covers, compacted: payload.compacted }
        cache.set(path, snapshot)
      }
      found.push(snapshot)
    }
  }
  return found
}

const maxOf = (vectors: readonly Vector[], device: string): number => Math.max(0, ...vectors.map((v) => v[device] ?? 0))

/** Whether a device's file `sequence` was compacted into the snapshots (so it may be gone from the folder). */
export const wasCompacted = (snapshots: readonly Snapshot[], device: string, sequence: number): boolean =>
  maxOf(snapshots.map((s) => s.compacted), device) >= sequence

/**
 * Joins every snapshot into the merged state (inside the caller's transaction) and moves the
 * applied sequences up to what they cover. Returns the operations applied.
 */
export function takeSnapshots(engine: Engine, snapshots: readonly Snapshot[]): number {
  const { store } = engine
  let applied = 0
  for (const { path } of snapshots) {
    const payload = openSnapshot(engine, path)
    if (!payload) continue
    for (const [table, row, field, stamp] of payload.superseded) store.supersede(table, row, field, stamp)
    for (const op of payload.ops) {
      if (op.k !== 't') engine.hlc.observe(op.s)
      applyOp(store, op)
    }
    for (const [device, sequence] of Object.entries(payload.covers)) {
      if (device !== engine.device && sequence > store.appliedSequence(device)) store.setAppliedSequence(device, sequence)
    }
    engine.onApplied?.(payload.ops)
    applied += payload.ops.length
  }
  store.setMeta('rejoin', false)
  return applied
}

/** Whether the device's folder holds a file newer than any seen there before (a sign of life even when its stream waits). */
function wroteSinceLastLook(engine: Engine, device: string): boolean {
  const newest = engine.folder.list(`${DEVICES_DIR}/${device}`).reduce((max, name) => {
    const entry = classifyPath(`${DEVICES_DIR}/${device}/${name}`)
    return entry.kind === 'op' ? Math.max(max, entry.sequence) : max
  }, 0)
  const seen = byDeviceMeta<number>(engine, 'newest')
  if (newest <= (seen[device] ?? 0)) return false
  engine.store.setMeta('newest', { ...seen, [device]: newest })
  return true
}

/** The devices this one counts as current: itself, and every unremoved device heard from lately. */
export function currentDevices(engine: Engine, policy: CompactionPolicy): string[] {
  const online = numberMeta(engine, 'online')
  const heard = byDeviceMeta<number>(engine, 'heard')
  const current: string[] = []
  for (const device of listedDevices(engine)) {
    if (device === engine.device) {
      current.push(device)
      continue
    }
    if (engine.lastSequence?.(device) !== undefined) continue
    // A new file is a sign of life even when it cannot be applied yet; a device never heard from is noticed now.
    if (wroteSinceLastLook(engine, device) || heard[device] === undefined) {
      noteHeard(engine, device)
      current.push(device)
    } else if (online - heard[device] <= policy.goneAfterMs) {
      current.push(device)
    }
  }
  return current
}

/** Per device, the files every current device has applied. */
function compactable(engine: Engine, current: readonly string[]): Vector {
  const acks = byDeviceMeta<Vector>(engine, 'acks')
  const vector: Vector = {}
  for (const device of listedDevices(engine)) {
    const own = device === engine.device ? engine.store.ownSequence() : engine.store.appliedSequence(device)
    const others = current.filter((c) => c !== device).map((c) => (c === engine.device ? own : (acks[c]?.[device] ?? 0)))
    vector[device] = Math.min(own, ...others)
  }
  return vector
}

/**
 * Writes a snapshot when this device is the current device with the lowest id and enough files
 * have become compactable since the last snapshot. Call with the outbox sealed. Returns whether
 * one was written.
 */
export function maybeCompact(engine: Engine, policy: CompactionPolicy): boolean {
  const { store } = engine
  if (store.meta('rejoin') === true || store.outbox(1).length > 0) return false
  const current = currentDevices(engine, policy)
  if (current[0] !== engine.device) return false
  // Alone, this device cannot tell "everyone else is gone" from "this device is cut off": if it
  // compacted its own files away, every other device would have to rejoin. It waits.
  const others = listedDevices(engine).filter((d) => d !== engine.device && engine.lastSequence?.(d) === undefined)
  if (others.length > 0 && current.length < 2) return false
  const compacted = compactable(engine, current)
  const snapshots = readSnapshots(engine)
  const previous = snapshots.map((s) => s.compacted)
  const gained = Object.entries(compacted).reduce((sum, [device, through]) => sum + Math.max(0, through - maxOf(previous, device)), 0)
  if (gained < policy.compactEveryFiles) return false
  const covers: Vector = { ...appliedVector(engine), [engine.device]: store.ownSequence() }
  const state = store.dump()
  const writerStamp = `000000000000-000000-${engine.device}`
  const ops: Op[] = [
    ...state.cells.map(({ table, row, field, cell }): Op => ({ k: 's', t: table, r: row, f: field, v: cell.value, s: cell.stamp, p: null })),
    ...state.history.map((h): Op => ({ k: 'h', t: h.table, r: h.row, f: h.field, v: h.value, s: h.stamp })),
    ...state.texts.map(({ table, row, field, state: bytes }): Op => ({ k: 't', t: table, r: row, f: field, u: Buffer.from(bytes).toString('base64'), s: writerStamp })),
  ]
  const payload: SnapshotPayload = { covers, compacted, ops, superseded: state.superseded.map((s) => [s.table, s.row, s.field, s.stamp]) }
  const mine = engine.folder
    .list(`${SNAPSHOTS_DIR}/${engine.device}`)
    .map((name) => classifyPath(`${SNAPSHOTS_DIR}/${engine.device}/${name}`))
    .flatMap((entry) => (entry.kind === 'snapshot' ? [entry.sequence] : []))
  const sequence = Math.max(0, ...mine) + 1
  const ring = engine.keyRing()
  const key = ring.keys.get(ring.current)
  if (!key) throw new Error('sync: no current key')
  const bytes = sealFile(key, ring.current, { kind: 'snapshot', device: engine.device, sequence }, Buffer.from(JSON.stringify(payload), 'utf8'))
  engine.folder.write(snapshotPath(engine.device, sequence), bytes)
  for (const older of mine) engine.folder.remove(snapshotPath(engine.device, older))
  return true
}

/** Deletes this device's own operation files that a snapshot marks compacted; returns how many. */
export function deleteCompacted(engine: Engine): number {
  const through = maxOf(readSnapshots(engine).map((s) => s.compacted), engine.device)
  let removed = 0
  for (const name of engine.folder.list(`${DEVICES_DIR}/${engine.device}`)) {
    const entry = classifyPath(`${DEVICES_DIR}/${engine.device}/${name}`)
    if (entry.kind === 'op' && entry.sequence <= through) {
      engine.folder.remove(opFilePath(engine.device, entry.sequence))
      removed++
    }
  }
  return removed
}
