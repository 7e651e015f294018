/**
 * The sync engine for one device: seal the queued operations into this device's next file, and
 * apply other devices' files strictly in sequence. A file that cannot be opened yet (still
 * arriving, cut short, sealed under a key this device does not hold yet) stops that device's
 * stream until a later pass: nothing after a gap is applied, nothing is applied twice.
 */
import { DEVICE_ID_PATTERN, type Hlc } from './hlc'
import { classifyPath, DEVICES_DIR, fileSequences, opFilePath } from './folder-names'
import type { SyncFolder } from './folder'
import { applyOp } from './merge'
import type { SyncStore } from './merge-store'
import { parseOpBatch, type Op } from './ops'
import { openFile, sealFile, type OpenFailure } from './sealed-file'
import {
  acksDue,
  appliedVector,
  CAUGHT_UP,
  isNew,
  isTaking,
  isVector,
  listedDevices,
  noteHeard,
  notePublished,
  readSnapshots,
  takeSnapshots,
  wasCompacted,
  type Snapshot,
  type Vector,
} from './compaction'

/** The keys this device holds, by epoch, and the epoch new files are sealed under. */
export interface KeyRing {
  current: number
  keys: ReadonlyMap<number, Buffer>
}

export interface Engine {
  device: string
  folder: SyncFolder
  store: SyncStore
  hlc: Hlc
  /** This device's wall clock (for compaction's sense of time). */
  now(): number
  keyRing(): KeyRing
  /** Every device that has joined (the roster), including those that have written no file yet. */
  members?(): readonly string[]
  /** A removed device's last sequence that is still applied (later files are ignored). */
  lastSequence?(device: string): number | undefined
  /** Told which rows a file or snapshot changed, inside its transaction (the app re-materialises them). */
  onApplied?(ops: readonly Op[]): void
}

/**
 * At most this many operations per sealed file (a first upload of a large vault spans several).
 * A file is applied in one transaction, so this also bounds the longest pause while catching up
 * (about 15 ms per 100 operations on these machines).
 */
export const OPS_PER_FILE = 100

/** One sealed file of this device, not yet written; `written()` records it once it is in the folder. */
interface OutboxFile {
  path: string
  bytes: Buffer
  written(): void
}

/** The next file to write from the outbox (its acknowledgements too), or null when nothing is due. */
function nextOutboxFile(engine: Engine, writtenSoFar: number): OutboxFile | null {
  const { store, device } = engine
  const ops = store.outbox(OPS_PER_FILE)
  if (ops.length === 0 && (writtenSoFar > 0 || !acksDue(engine))) return null
  const ring = engine.keyRing()
  const key = ring.keys.get(ring.current)
  if (!key) throw new Error('sync: no current key')
  const sequence = store.ownSequence() + 1
  // A file of this device already there is never replaced: pullOwnFiles takes it in first.
  if (fileSequences(engine.folder, DEVICES_DIR, device).includes(sequence)) return null
  const acks = appliedVector(engine)
  const bytes = sealFile(key, ring.current, { kind: 'op', device, sequence }, Buffer.from(JSON.stringify({ ops, acks }), 'utf8'))
  return {
    path: opFilePath(device, sequence),
    bytes,
    written: () =>
      store.atomically(() => {
        store.setOwnSequence(sequence)
        store.dropOutbox(ops.length)
        notePublished(engine, acks)
      }),
  }
}

/**
 * Seals queued operations into new files of this device, each carrying its acknowledgements
 * (compaction.ts), or acknowledgements alone when they are due; returns how many files were written.
 */
export function flushOutbox(engine: Engine): number {
  let written = 0
  for (let file = nextOutboxFile(engine, 0); file; file = nextOutboxFile(engine, written)) {
    engine.folder.write(file.path, file.bytes)
    file.written()
    written++
  }
  return written
}

/**
 * flushOutbox with each file's writing and fsyncs on the thread pool (a pass in the app: an fsync
 * on a busy disk held the main thread for up to 260 ms). Only a pass fills and sends the outbox,
 * and passes never overlap, so it does not change while a file is written (saves meanwhile only
 * note their rows for the next pass's capture).
 */
export async function flushOutboxOffThread(engine: Engine): Promise<number> {
  const { folder } = engine
  let written = 0
  for (let file = nextOutboxFile(engine, 0); file; file = nextOutboxFile(engine, written)) {
    await (folder.writeOffThread ? folder.writeOffThread(file.path, file.bytes) : folder.write(file.path, file.bytes))
    file.written()
    written++
  }
  return written
}

/** 'compacted': the next file is gone into a snapshot this device may take only by rejoining. */
export type WaitReason = OpenFailure | 'unreadable' | 'compacted'

/** The other devices that have a subfolder in the sync folder. */
export function otherDevices(folder: SyncFolder, self: string): string[] {
  return folder.list(DEVICES_DIR).filter((name) => DEVICE_ID_PATTERN.test(name) && name !== self)
}

export interface FolderCensus {
  /** Per other device: files present after the last one applied. */
  waitingFiles: Map<string, number>
  /** Files that are some engine's conflict copy, placeholder or file in progress. */
  ignored: number
}

/** Counts what is in the folder (for Settings); the pull itself never needs a listing of files. */
export function takeCensus(engine: Engine): FolderCensus {
  const census: FolderCensus = { waitingFiles: new Map(), ignored: 0 }
  for (const device of engine.folder.list(DEVICES_DIR)) {
    if (!DEVICE_ID_PATTERN.test(device)) {
      census.ignored++
      continue
    }
    const applied = device === engine.device ? Infinity : engine.store.appliedSequence(device)
    const limit = engine.lastSequence?.(device) ?? Infinity
    let waiting = 0
    for (const name of engine.folder.list(`${DEVICES_DIR}/${device}`)) {
      const entry = classifyPath(`${DEVICES_DIR}/${device}/${name}`)
      if (entry.kind === 'ignored') census.ignored++
      else if (entry.kind === 'op' && entry.sequence > applied && entry.sequence <= limit) waiting++
    }
    if (device !== engine.device) census.waitingFiles.set(device, waiting)
  }
  return census
}

/**
 * This device's own files after the last one its vault records writing. There are some when the
 * vault went back to an older copy of itself (a restored backup, a copied folder) while its files
 * stayed in the sync folder, or when a crash came between a file's rename and its record. They
 * are applied like another device's, so the words in them come back and the next file is
 * numbered after them (none is ever replaced). Run before the pass captures the person's own
 * edits, so those are made on documents that already hold this device's earlier words. Returns
 * why the next own file cannot be applied yet (this device then writes nothing: the outbox waits),
 * or null.
 */
export function pullOwnFiles(engine: Engine, rejoin = false): WaitReason | null {
  const { store, device } = engine
  for (let next = store.ownSequence() + 1; ; next++) {
    const read = readNext(engine, device, next)
    if (read === null) {
      const snapshots = readSnapshots(engine)
      if (!wasCompacted(snapshots, device, next)) return null
      // Compacted away: only the snapshots hold them, taken when the person rejoins (Settings asks).
      if (!rejoin) {
        store.setMeta('rejoin', true)
        return 'compacted'
      }
      while (!store.atomically(() => takeSnapshots(engine, snapshots, { ops: OPS_PER_FILE })).done);
      next = store.ownSequence() // the snapshots cover this device's files up to here
      continue
    }
    if ('wait' in read) return read.wait
    store.atomically(() => {
      for (const op of read.ops) {
        engine.hlc.observe(op.s)
        applyOp(store, op)
      }
      store.setOwnSequence(next)
      engine.onApplied?.(read.ops)
    })
  }
}

export interface PullResult {
  files: number
  ops: number
  /** Devices whose next file is present but cannot be applied yet, and why. */
  waiting: Map<string, WaitReason>
  /** Stopped early because the budget ran out. */
  more: boolean
}

/** The file's operations; a reason to wait; or null when the file is not there (yet). */
function readNext(engine: Engine, device: string, sequence: number): { ops: Op[]; acks?: Vector } | { wait: WaitReason } | null {
  const bytes = engine.folder.read(opFilePath(device, sequence))
  if (!bytes) return null
  const opened = openFile(engine.keyRing().keys, { kind: 'op', device, sequence }, bytes)
  if (!opened.ok) return { wait: opened.why }
  let parsed: unknown
  try {
    parsed = JSON.parse(opened.payload.toString('utf8'))
  } catch {
    return { wait: 'forged' }
  }
  const ops = parseOpBatch(parsed)
  if (!ops) return { wait: 'forged' }
  const acks = (parsed as { acks?: unknown }).acks
  if (acks === undefined) return { ops }
  return isVector(acks) ? { ops, acks } : { wait: 'forged' }
}

export interface PullBudget {
  files: number
  ops: number
  /** Stop after the file during which this turns true (a time limit; a file is never split). */
  spent?(): boolean
  /** The person chose to rejoin: take the snapshots even though this device has applied files before. */
  rejoin?: boolean
}

function hasFileAfter(engine: Engine, device: string, sequence: number): boolean {
  return fileSequences(engine.folder, DEVICES_DIR, device).some((later) => later > sequence)
}

/**
 * Applies files from other devices, each stream in sequence, until `budget` files or operations
 * have been applied or its time is spent (a file is never split). A device's
 * next file that is absent ends its stream for now; one that is present but cannot be opened
 * is reported as waiting.
 */
export function pullFiles(engine: Engine, budget: PullBudget): PullResult {
  const { store } = engine
  const result: PullResult = { files: 0, ops: 0, waiting: new Map(), more: false }
  let snapshots: Snapshot[] | null = null
  /** Some stream stops at an absent file with later ones present (in transit, or compacted into a snapshot not here yet). */
  let gap = false
  /**
   * The next file is absent: true when it went into a snapshot this device has now taken, 'more'
   * when taking the snapshots goes on in the next call (a large one is joined in slices).
   */
  const tookSnapshot = (device: string, sequence: number): boolean | 'more' => {
    snapshots ??= readSnapshots(engine)
    if (!wasCompacted(snapshots, device, sequence)) return false
    if (!(budget.rejoin || isNew(engine) || isTaking(engine))) {
      result.waiting.set(device, 'compacted')
      store.setMeta('rejoin', true)
      return false
    }
    const taken = snapshots
    const took = store.atomically(() => takeSnapshots(engine, taken, { ops: budget.ops - result.ops, spent: budget.spent }))
    result.ops += took.ops
    if (!took.done) return 'more'
    result.files++
    return true
  }
  // Every device in the roster too: a removed device's folder is deleted once its files are compacted.
  for (const device of listedDevices(engine).filter((d) => d !== engine.device)) {
    const limit = engine.lastSequence?.(device) ?? Infinity
    for (let next = store.appliedSequence(device) + 1; next <= limit; next++) {
      if (result.files >= budget.files || result.ops >= budget.ops || (result.files > 0 && budget.spent?.())) {
        result.more = true
        return result
      }
      const read = readNext(engine, device, next)
      if (read === null) {
        const took = tookSnapshot(device, next)
        if (took === 'more') {
          result.more = true
          return result
        }
        if (took) {
          next = store.appliedSequence(device)
          continue
        }
        gap ||= hasFileAfter(engine, device, next)
        break
      }
      if ('wait' in read) {
        result.waiting.set(device, read.wait)
        break
      }
      const sequence = next
      store.atomically(() => {
        for (const op of read.ops) {
          engine.hlc.observe(op.s)
          applyOp(store, op)
        }
        store.setAppliedSequence(device, sequence)
        noteHeard(engine, device, read.acks)
        engine.onApplied?.(read.ops)
      })
      result.files++
      result.ops += read.ops.length
    }
  }
  if (!gap && ![...result.waiting.values()].includes('compacted')) store.setMeta(CAUGHT_UP, true)
  return result
}
