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
 * - In the app, writing, reading and taking a snapshot run in slices of a few milliseconds with
 *   the event loop running between them, and (in)flating and disk writes on the thread pool
 *   (docs/sync.md, "Compaction": why the snapshot read in slices is still consistent).
 */
import { DEVICE_ID_PATTERN, type Stamp } from './hlc'
import { DEVICES_DIR, SNAPSHOTS_DIR, classifyPath, fileSequence, fileSequences, opFilePath, snapshotPath } from './folder-names'
import type { Engine } from './engine'
import { applyOp } from './merge'
import { isOp, type Op } from './ops'
import { openFile, openFileOffThread, sealFile, sealFileOffThread, type Opened, type SealedIdentity } from './sealed-file'
import { atOnce, inSlices, type StopSignal } from './slices'

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

/** Where every writer puts what a snapshot covers and compacted: first (snapshotJson). */
const HEAD = /^\{"covers":(\{[^{}]*\}),"compacted":(\{[^{}]*\}),"ops":\[/

/** What a snapshot covers and compacted, from the head of its payload, and where its operations start. */
function parseHead(text: string): { covers: Vector; compacted: Vector; length: number } | null {
  const head = HEAD.exec(text.slice(0, 64 * 1024))
  if (!head) return null
  try {
    const covers: unknown = JSON.parse(head[1] as string)
    const compacted: unknown = JSON.parse(head[2] as string)
    return isVector(covers) && isVector(compacted) ? { covers, compacted, length: head[0].length } : null
  } catch {
    return null
  }
}

const code = (c: string): number => c.charCodeAt(0)
const OPENING = new Set([code('{'), code('[')])
const CLOSING = new Set([code('}'), code(']')])

/**
 * The elements of the JSON array that starts just before `from`, one per step, each handed to
 * `take` (false: not well formed). Returns the index after the array's `]`, or -1.
 */
function* arrayElements(text: string, from: number, take: (element: unknown) => boolean): Generator<void, number> {
  if (text.charCodeAt(from) === code(']')) return from + 1
  let start = from
  const taken = (end: number): boolean => {
    try {
      return take(JSON.parse(text.slice(start, end)))
    } catch {
      return false
    }
  }
  let depth = 0
  let inString = false
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === code('\\')) i++
      else if (c === code('"')) inString = false
    } else if (c === code('"')) inString = true
    else if (OPENING.has(c)) depth++
    else if (CLOSING.has(c) && depth > 0) depth--
    else if (CLOSING.has(c)) return c === code(']') && taken(i) ? i + 1 : -1
    else if (c === code(',') && depth === 0) {
      if (!taken(i)) return -1
      start = i + 1
      yield
    }
  }
  return -1
}

const isSupersededEntry = (s: unknown): s is SnapshotPayload['superseded'][number] =>
  Array.isArray(s) && s.length === 4 && s.every((part) => typeof part === 'string')

/**
 * A snapshot's payload, parsed an operation per step (JSON.parse of a large snapshot would be
 * one long step), or null when it is not exactly a well-formed snapshot in the form every
 * writer gives it: `{"covers":…,"compacted":…,"ops":[…],"superseded":[…]}`.
 */
function* parsePayload(text: string): Generator<void, SnapshotPayload | null> {
  const head = parseHead(text)
  if (!head) return null
  const ops: Op[] = []
  const superseded: SnapshotPayload['superseded'] = []
  const opsEnd = yield* arrayElements(text, head.length, (op) => isOp(op) && ops.push(op) > 0)
  const between = ',"superseded":['
  if (opsEnd < 0 || !text.startsWith(between, opsEnd)) return null
  const end = yield* arrayElements(text, opsEnd + between.length, (entry) => isSupersededEntry(entry) && superseded.push(entry) > 0)
  return end === text.length - 1 && text.endsWith('}') ? { covers: head.covers, compacted: head.compacted, ops, superseded } : null
}

/** A snapshot's identity and bytes, or null when the path is no snapshot or cannot be read now. */
function snapshotFile(engine: Engine, path: string): { id: SealedIdentity; bytes: Buffer } | null {
  const entry = classifyPath(path)
  if (entry.kind !== 'snapshot') return null
  const bytes = engine.folder.read(path)
  return bytes ? { id: { kind: 'snapshot', device: entry.device, sequence: entry.sequence }, bytes } : null
}

/**
 * A device that has not yet caught up once (a new one, until no stream of it has a gap) takes
 * the snapshots without asking; one that has, and then misses compacted files, is told to rejoin.
 */
export const CAUGHT_UP = 'caughtUp'
export const isNew = (engine: Engine): boolean => engine.store.meta(CAUGHT_UP) !== true

/** How far the snapshots being taken have been joined in (takeSnapshots works in slices). */
const TAKING = 'taking'
interface Taking {
  paths: string[]
  /** The snapshot being joined, and its next entry (its superseded stamps, then its operations). */
  snapshot: number
  at: number
}
const takingNow = (engine: Engine): Taking | null => {
  const value = engine.store.meta(TAKING)
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as unknown as Taking) : null
}
/** A join of snapshots begun in an earlier slice or pass goes on without asking again. */
export const isTaking = (engine: Engine): boolean => takingNow(engine) !== null

/**
 * What this device knows of the snapshots: what each path holds in short (paths are never
 * reused, so a path is read once), and the whole contents while this device may take them.
 */
interface Known {
  summaries: Map<string, Snapshot>
  payloads: Map<string, SnapshotPayload>
}
const known = new WeakMap<Engine, Known>()
function knownOf(engine: Engine): Known {
  let cache = known.get(engine)
  if (!cache) known.set(engine, (cache = { summaries: new Map(), payloads: new Map() }))
  return cache
}

/**
 * Remembers what an opened snapshot holds: in short (read from its head), and whole while this
 * device may take it; null when it does not parse. A step per operation parsed.
 */
function* remember(engine: Engine, path: string, opened: Opened, mayTake: boolean): Generator<void, Snapshot | null> {
  if (!opened.ok) return null
  const text = opened.payload.toString('utf8')
  const cache = knownOf(engine)
  const payload = mayTake ? yield* parsePayload(text) : null
  const summary = mayTake ? payload : parseHead(text)
  if (!summary) return null
  const snapshot: Snapshot = { path, covers: summary.covers, compacted: summary.compacted }
  cache.summaries.set(path, snapshot)
  if (payload) cache.payloads.set(path, payload)
  return snapshot
}

/** Whether this device may take the snapshots soon: it is new, in the middle of taking them, or asked to rejoin. */
const mayTake = (engine: Engine): boolean => isNew(engine) || isTaking(engine) || engine.store.meta('rejoin') === true

function snapshotPaths(engine: Engine): string[] {
  return engine.folder.list(SNAPSHOTS_DIR).flatMap((writer) => engine.folder.list(`${SNAPSHOTS_DIR}/${writer}`).map((name) => `${SNAPSHOTS_DIR}/${writer}/${name}`))
}

/** Opens a snapshot here and now (the simulation; in the app a pass has loaded them already). */
function openSnapshot(engine: Engine, path: string): Opened | null {
  const file = snapshotFile(engine, path)
  return file ? openFile(engine.keyRing().keys, file.id, file.bytes) : null
}

/**
 * Opens the snapshots not read yet, inflating them off the main thread and parsing them in
 * slices (a pass does this first, so that readSnapshots and takeSnapshots find them in memory).
 */
export async function loadSnapshots(engine: Engine, sliceMs: number, rejoin = false): Promise<void> {
  const { summaries, payloads } = knownOf(engine)
  const whole = rejoin || mayTake(engine)
  for (const path of snapshotPaths(engine)) {
    if (summaries.has(path) && (!whole || payloads.has(path))) continue
    const file = snapshotFile(engine, path)
    if (file) await inSlices(remember(engine, path, await openFileOffThread(engine.keyRing().keys, file.id, file.bytes), whole), sliceMs)
  }
}

/** The snapshots in the folder that open (a snapshot still arriving is not there yet). */
export function readSnapshots(engine: Engine): Snapshot[] {
  const { summaries, payloads } = knownOf(engine)
  const paths = snapshotPaths(engine)
  for (const path of payloads.keys()) if (!paths.includes(path)) payloads.delete(path)
  return paths.flatMap((path) => {
    const summary = summaries.get(path)
    if (summary) return [summary]
    const opened = openSnapshot(engine, path)
    const snapshot = opened && atOnce(remember(engine, path, opened, mayTake(engine)))
    return snapshot ? [snapshot] : []
  })
}

/** A snapshot's contents: from memory when this device kept them, otherwise read again. */
function payloadOf(engine: Engine, path: string): SnapshotPayload | null {
  const { payloads } = knownOf(engine)
  const kept = payloads.get(path)
  if (kept) return kept
  const opened = openSnapshot(engine, path)
  const payload = opened?.ok ? atOnce(parsePayload(opened.payload.toString('utf8'))) : null
  if (payload) payloads.set(path, payload)
  return payload
}

const maxOf = (vectors: readonly Vector[], device: string): number => Math.max(0, ...vectors.map((v) => v[device] ?? 0))

/** Whether a device's file `sequence` was compacted into the snapshots (so it may be gone from the folder). */
export const wasCompacted = (snapshots: readonly Snapshot[], device: string, sequence: number): boolean =>
  maxOf(snapshots.map((s) => s.compacted), device) >= sequence

export interface TakeBudget {
  /** Operations to apply in this call, at most. */
  ops: number
  /** Stop once this turns true. */
  spent?(): boolean
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Joins the snapshots into the merged state (inside the caller's transaction), as far as the
 * budget goes, going on where the last call stopped (recorded in the same transaction). Every
 * entry is a join, so one applied twice changes nothing. Only when all are in do the applied
 * sequences move up to what they cover: until then the gap that asked for them stays, and the
 * next call goes on. Returns the operations applied and whether the snapshots are all in.
 */
export function takeSnapshots(engine: Engine, snapshots: readonly Snapshot[], budget: TakeBudget): { ops: number; done: boolean } {
  const { store } = engine
  const paths = snapshots.map((s) => s.path)
  const saved = takingNow(engine)
  const taking: Taking = saved && sameList(saved.paths, paths) ? { ...saved } : { paths, snapshot: 0, at: 0 }
  const applied: Op[] = []
  let steps = 0
  const finished = (done: boolean): { ops: number; done: boolean } => {
    engine.onApplied?.(applied)
    return { ops: applied.length, done }
  }
  for (; taking.snapshot < paths.length; taking.snapshot++, taking.at = 0) {
    const payload = payloadOf(engine, paths[taking.snapshot] as string)
    if (!payload) continue
    const { superseded, ops } = payload
    for (; taking.at < superseded.length + ops.length; taking.at++, steps++) {
      if (steps > 0 && (applied.length >= budget.ops || budget.spent?.())) {
        store.setMeta(TAKING, { ...taking })
        return finished(false)
      }
      if (taking.at < superseded.length) {
        const [table, row, field, stamp] = superseded[taking.at]!
        store.supersede(table, row, field, stamp)
        continue
      }
      const op = ops[taking.at - superseded.length]!
      if (op.k !== 't') engine.hlc.observe(op.s)
      applyOp(store, op)
      applied.push(op)
    }
  }
  for (const path of paths) {
    for (const [device, sequence] of Object.entries(payloadOf(engine, path)?.covers ?? {})) {
      if (device !== engine.device && sequence > store.appliedSequence(device)) store.setAppliedSequence(device, sequence)
      // This device's own files the vault lacked (it went back to an older copy: pullOwnFiles).
      if (device === engine.device && sequence > store.ownSequence()) store.setOwnSequence(sequence)
    }
    knownOf(engine).payloads.delete(path)
  }
  store.setMeta(TAKING, null)
  store.setMeta('rejoin', false)
  return finished(true)
}

/** Whether the device's folder holds a file newer than any seen there before (a sign of life even when its stream waits). */
function wroteSinceLastLook(engine: Engine, device: string): boolean {
  const newest = fileSequences(engine.folder, DEVICES_DIR, device).reduce((max, sequence) => Math.max(max, sequence), 0)
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

/** A snapshot this device is to write: what it covers, and its place among this device's snapshots. */
export interface SnapshotPlan {
  covers: Vector
  compacted: Vector
  sequence: number
  /** This device's earlier snapshots, deleted once the new one is written. */
  older: number[]
}

/**
 * Whether this device writes a snapshot now: it is the current device with the lowest id and
 * enough files have become compactable since the last snapshot. Call with the outbox sealed,
 * inside one transaction (the bookkeeping of who was heard from).
 */
export function planSnapshot(engine: Engine, policy: CompactionPolicy): SnapshotPlan | null {
  const { store } = engine
  if (store.meta('rejoin') === true || store.outbox(1).length > 0) return null
  const current = currentDevices(engine, policy)
  if (current[0] !== engine.device) return null
  // Alone, this device cannot tell "everyone else is gone" from "this device is cut off": if it
  // compacted its own files away, every other device would have to rejoin. It waits.
  const others = listedDevices(engine).filter((d) => d !== engine.device && engine.lastSequence?.(d) === undefined)
  if (others.length > 0 && current.length < 2) return null
  const compacted = compactable(engine, current)
  const previous = readSnapshots(engine).map((s) => s.compacted)
  const gained = Object.entries(compacted).reduce((sum, [device, through]) => sum + Math.max(0, through - maxOf(previous, device)), 0)
  if (gained < policy.compactEveryFiles) return null
  const older = fileSequences(engine.folder, SNAPSHOTS_DIR, engine.device)
  return { covers: { ...appliedVector(engine), [engine.device]: store.ownSequence() }, compacted, sequence: Math.max(0, ...older) + 1, older }
}

/**
 * The snapshot's payload as JSON, one entry of the merged state per step (each turned into its
 * JSON as it is read, so no step is long). The merged state is read after the plan: it holds
 * at least everything the plan covers (see docs/sync.md, "Compaction").
 */
function* snapshotJson(engine: Engine, plan: SnapshotPlan): Generator<void, string> {
  const writerStamp = `000000000000-000000-${engine.device}`
  const ops: string[] = []
  const superseded: string[] = []
  for (const entry of engine.store.dump()) {
    if (entry.kind === 'cell') ops.push(JSON.stringify({ k: 's', t: entry.table, r: entry.row, f: entry.field, v: entry.cell.value, s: entry.cell.stamp, p: null } satisfies Op))
    else if (entry.kind === 'text') ops.push(JSON.stringify({ k: 't', t: entry.table, r: entry.row, f: entry.field, u: Buffer.from(entry.state).toString('base64'), s: writerStamp } satisfies Op))
    else if (entry.kind === 'history') {
      const h = entry.entry
      ops.push(JSON.stringify({ k: 'h', t: h.table, r: h.row, f: h.field, v: h.value, s: h.stamp } satisfies Op))
    } else superseded.push(JSON.stringify([entry.table, entry.row, entry.field, entry.stamp]))
    yield
  }
  return `{"covers":${JSON.stringify(plan.covers)},"compacted":${JSON.stringify(plan.compacted)},"ops":[${ops.join(',')}],"superseded":[${superseded.join(',')}]}`
}

function sealingKey(engine: Engine, plan: SnapshotPlan): { key: Buffer; epoch: number; id: SealedIdentity } {
  const ring = engine.keyRing()
  const key = ring.keys.get(ring.current)
  if (!key) throw new Error('sync: no current key')
  return { key, epoch: ring.current, id: { kind: 'snapshot', device: engine.device, sequence: plan.sequence } }
}

/** The new snapshot is in the folder: this device's older ones go, and what it holds is remembered. */
function keptSnapshot(engine: Engine, plan: SnapshotPlan): void {
  for (const older of plan.older) engine.folder.remove(snapshotPath(engine.device, older))
  const path = snapshotPath(engine.device, plan.sequence)
  knownOf(engine).summaries.set(path, { path, covers: plan.covers, compacted: plan.compacted })
}

/** Writes a snapshot in one go when one is due (the simulation); returns whether one was written. */
export function maybeCompact(engine: Engine, policy: CompactionPolicy): boolean {
  const plan = planSnapshot(engine, policy)
  if (!plan) return false
  const { key, epoch, id } = sealingKey(engine, plan)
  engine.folder.write(snapshotPath(engine.device, plan.sequence), sealFile(key, epoch, id, Buffer.from(atOnce(snapshotJson(engine, plan)), 'utf8')))
  keptSnapshot(engine, plan)
  return true
}

/**
 * Writes the planned snapshot without stalling the window: the merged state is read a few
 * milliseconds at a time with the event loop running between, deflated and written to disk on
 * the thread pool.
 * False when the signal stopped it (nothing is written).
 */
export async function writeSnapshotInSlices(engine: Engine, plan: SnapshotPlan, sliceMs: number, signal?: StopSignal): Promise<boolean> {
  const json = await inSlices(snapshotJson(engine, plan), sliceMs, signal)
  if (json === null) return false
  const { key, epoch, id } = sealingKey(engine, plan)
  const bytes = await sealFileOffThread(key, epoch, id, Buffer.from(json, 'utf8'))
  const path = snapshotPath(engine.device, plan.sequence)
  const { folder } = engine
  await (folder.writeOffThread ? folder.writeOffThread(path, bytes) : folder.write(path, bytes))
  keptSnapshot(engine, plan)
  return true
}

/** Deletes this device's own operation files that a snapshot marks compacted, one per step; returns how many. */
function* removeCompacted(engine: Engine): Generator<void, number> {
  const through = maxOf(readSnapshots(engine).map((s) => s.compacted), engine.device)
  let removed = 0
  for (const sequence of fileSequences(engine.folder, DEVICES_DIR, engine.device)) {
    if (sequence <= through) {
      engine.folder.remove(opFilePath(engine.device, sequence))
      removed++
      yield
    }
  }
  return removed
}

/**
 * The files of removed devices that no current device needs, one per step; returns how many.
 * A removed device cannot open the snapshots any more (they are sealed under keys it does not
 * hold), so it never deletes its own files: every current device does, and they all agree on
 * which, so two of them deleting at once, a crash half-way or a sync engine bringing a deleted
 * file back all come to the same folder at the next pass:
 * - its files after its cut-off (`removedAfter`), written before it read the new header: no
 *   device that has read the roster applies them;
 * - its files up to the cut-off that this device has applied and a snapshot marks compacted
 *   (every current device applied them, and the snapshot holds them for a device that did not);
 * - engines' conflict copies in its folder (never read); placeholders and files in transfer stay
 *   until they become files or go;
 * - its folder, once empty (a device that never applied its files learns of them from the roster);
 * - its snapshots (written before it knew it was removed), once a current device's snapshot has
 *   compacted at least as much of every device.
 */
export function* removeRetired(engine: Engine): Generator<void, number> {
  const snapshots = readSnapshots(engine)
  const retired = listedDevices(engine).filter((device) => device !== engine.device && engine.lastSequence?.(device) !== undefined)
  let removed = 0
  for (const device of retired) {
    const cutoff = engine.lastSequence?.(device) as number
    const through = Math.min(cutoff, engine.store.appliedSequence(device), maxOf(snapshots.map((s) => s.compacted), device))
    const dir = `${DEVICES_DIR}/${device}`
    // A file's name alone says its sequence once the device's id is known good (as classifyPath would).
    const named = DEVICE_ID_PATTERN.test(device)
    for (const name of engine.folder.list(dir)) {
      const sequence = named ? fileSequence(name) : null
      const entry = sequence === null ? classifyPath(`${dir}/${name}`) : null
      const dead = sequence !== null ? sequence > cutoff || sequence <= through : entry?.kind === 'ignored' && entry.why === 'conflict-copy'
      if (dead) {
        engine.folder.remove(`${dir}/${name}`)
        removed++
        yield
      }
    }
    for (const own of snapshots.filter((s) => writerOf(s) === device)) {
      if (snapshots.some((other) => !retired.includes(writerOf(other)) && covering(other.compacted, own.compacted))) {
        engine.folder.remove(own.path)
        removed++
        yield
      }
    }
    for (const folder of [dir, `${SNAPSHOTS_DIR}/${device}`]) if (engine.folder.list(folder).length === 0) engine.folder.removeFolder?.(folder)
  }
  return removed
}

const writerOf = (snapshot: Snapshot): string => snapshot.path.split('/')[1] ?? ''
/** Whether `a` reaches at least as far as `b` for every device. */
const covering = (a: Vector, b: Vector): boolean => Object.entries(b).every(([device, sequence]) => (a[device] ?? 0) >= sequence)

/** A pass's tidying: this device's own compacted files, then what removed devices left; returns how many were deleted. */
export function* tidyFolder(engine: Engine): Generator<void, number> {
  return (yield* removeCompacted(engine)) + (yield* removeRetired(engine))
}

/** tidyFolder in one go (the simulation). */
export const deleteCompacted = (engine: Engine): number => atOnce(tidyFolder(engine))
