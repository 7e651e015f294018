/**
 * One sync pass as background work: capture local changes, seal them, then apply other
 * devices' files in small chunks (a computer joining a folder takes in the folder first and
 * captures after: joining.ts), yielding to the event loop between chunks, reporting
 * progress and stopping cleanly when the signal is aborted (every chunk is its own
 * transaction, so a stop leaves nothing half-applied). The heavy-work jobs machinery can run
 * it as a job: it needs only `signal` and `onProgress`. A whole pass ends with compaction
 * (compaction.ts): a snapshot when this device is the one to write it, and its own files that
 * snapshots cover deleted, both in slices too (slices.ts).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { captureChanges } from './capture'
import { dropJoinBase, isJoining, joinBase, markJoining, noteJoinBaseRows } from './joining'
import { flushOutboxOffThread, otherDevices, pullFiles, pullOwnFiles, takeCensus, type WaitReason } from './engine'
import { advanceOnline, DEFAULT_POLICY, loadSnapshots, planSnapshot, tidyFolder, writeSnapshotInSlices, type CompactionPolicy } from './compaction'
import { inSlices, timeBudget, type StopSignal } from './slices'
import { markHeard, saveClock } from './sync-settings.repo'
import type { RowRef } from './materialize'
import { withoutDiskWait } from './sync-rows.repo'
import type { SyncSession } from './sync-session'
import { relieveWal, type Checkpointer, type WalRelief } from './wal-relief'

export interface SyncProgress {
  op: 'sync'
  phase: 'sending' | 'applying'
  done: number
  total: number
}

export interface SyncRunOptions {
  signal?: StopSignal
  onProgress?(progress: SyncProgress): void
  /** Operations applied per chunk, at most (one transaction each; a file is never split). */
  chunkOps?: number
  /** A chunk stops after the file that takes it past this many milliseconds. */
  chunkMs?: number
  now(): number
  /** The person chose to rejoin: take the snapshots that hold files this device missed (compaction.ts). */
  rejoin?: boolean
  /** When a device counts as gone and how often to compact (DEFAULT_POLICY; tests use small ones). */
  policy?: CompactionPolicy
  /** PASSIVE checkpoints of the vault on a connection in a worker, until stopped (wal-relief.ts); absent, SQLite checkpoints by itself. */
  checkpointWhile?: Checkpointer
}

export interface SyncRunResult {
  sent: number
  appliedFiles: number
  appliedOps: number
  waiting: Array<{ device: string; reason: WaitReason }>
  touchedTables: string[]
  aborted: boolean
  /** Files this device missed were compacted away: it must rejoin (Settings asks the person). */
  rejoinNeeded: boolean
  /** A snapshot was written by this device in this pass. */
  compacted: boolean
}

/**
 * A chunk is one transaction of whole files, ended after about 8 ms of work or 200 operations,
 * whichever comes first; the event loop runs between chunks, so the window never waits long.
 */
const DEFAULT_CHUNK_OPS = 200
const DEFAULT_CHUNK_MS = 8

/**
 * Writes queued rows into their tables, a few milliseconds' worth per transaction, yielding to
 * the event loop between; false when the signal stopped it (the rest stay queued in sync_pending).
 */
async function writeInSlices(session: SyncSession, rows: readonly RowRef[], chunkMs: number, wal: WalRelief, signal?: StopSignal): Promise<boolean> {
  let next = 0
  while (next < rows.length) {
    if (signal?.aborted) return false
    const spent = timeBudget(chunkMs)
    const first = next
    withoutDiskWait(session.db, () => session.store.atomically(() => {
      do session.materializer.write([rows[next++]!])
      while (next < rows.length && !spent())
    }))
    wal.wrote(next - first)
    await yieldToLoop()
  }
  return true
}

/**
 * Joining, once the folder's state is in: this vault's rows recorded as their differences from
 * it and from the join base (joining.ts), the base and the mark cleared in the same
 * transaction, and sent.
 */
async function recordJoined(session: SyncSession): Promise<number> {
  const { db, store, engine } = session
  store.atomically(() => {
    noteJoinBaseRows(db)
    captureChanges(db, store, engine.hlc, joinBase(db))
    dropJoinBase(db)
    markJoining(store, false)
    saveClock(db, engine.hlc.last())
  })
  return flushOutboxOffThread(engine)
}

/**
 * One pass. Its last progress says it is over however it ends (everything applied, files left
 * waiting, stopped or failed): `done` = `total` = the files it applied, so a bar that follows a
 * pass it did not start (Settings → Sync during a catch-up the scheduler began) never stays.
 */
export async function runSync(session: SyncSession, options: SyncRunOptions): Promise<SyncRunResult> {
  const wal = relieveWal(session.db, options.checkpointWhile)
  const report = options.onProgress
  let applied = 0
  const onProgress = (progress: SyncProgress): void => {
    if (progress.phase === 'applying') applied = progress.done
    report?.(progress)
  }
  try {
    return await pass(session, { ...options, onProgress }, wal)
  } finally {
    report?.({ op: 'sync', phase: 'applying', done: applied, total: applied })
    await wal.end()
  }
}

async function pass(session: SyncSession, options: SyncRunOptions, wal: WalRelief): Promise<SyncRunResult> {
  const { engine, db, store } = session
  const result: SyncRunResult = { sent: 0, appliedFiles: 0, appliedOps: 0, waiting: [], touchedTables: [], aborted: false, rejoinNeeded: false, compacted: false }
  session.refreshHeader()
  const joining = isJoining(store)
  // Before the capture: this device's own files its vault lacks (pullOwnFiles); their rows are
  // written with the others' below. Until they are all in, it writes no file of its own: its next
  // sequence would be one the others already applied.
  const ownFilesMissing = pullOwnFiles(engine, options.rejoin) !== null
  session.materializer.queue(session.takeTouched())
  store.atomically(() => {
    advanceOnline(engine)
    if (!joining) captureChanges(db, store, engine.hlc)
    saveClock(db, engine.hlc.last())
  })
  options.onProgress?.({ op: 'sync', phase: 'sending', done: 0, total: 1 })
  if (!ownFilesMissing) result.sent = await flushOutboxOffThread(engine)
  await loadSnapshots(engine, options.chunkMs ?? DEFAULT_CHUNK_MS, options.rejoin)
  const total = [...takeCensus(engine).waitingFiles.values()].reduce((a, b) => a + b, 0)
  const tables = new Set<string>()
  const devices = otherDevices(engine.folder, engine.device)
  const before = new Map(devices.map((device) => [device, store.appliedSequence(device)]))
  const chunkMs = options.chunkMs ?? DEFAULT_CHUNK_MS
  const rowsWritten = (rows: readonly RowRef[]): Promise<boolean> => writeInSlices(session, rows, chunkMs, wal, options.signal)
  for (;;) {
    if (options.signal?.aborted) {
      result.aborted = true
      break
    }
    const spent = timeBudget(chunkMs)
    const { pulled, rows } = withoutDiskWait(db, () => store.atomically(() => {
      const chunk = pullFiles(engine, { files: Number.MAX_SAFE_INTEGER, ops: options.chunkOps ?? DEFAULT_CHUNK_OPS, spent, rejoin: options.rejoin })
      const queued = session.materializer.queue(session.takeTouched())
      saveClock(db, engine.hlc.last())
      return { pulled: chunk, rows: queued }
    }))
    for (const [table] of rows) tables.add(table)
    result.appliedFiles += pulled.files
    result.appliedOps += pulled.ops
    wal.wrote(pulled.ops)
    result.waiting = [...pulled.waiting].map(([device, reason]) => ({ device, reason }))
    await yieldToLoop()
    // Joining, the rows wait in sync_pending until this vault's own are recorded against the whole folder.
    if (!joining && !(await rowsWritten(rows))) {
      result.aborted = true
      break
    }
    options.onProgress?.({ op: 'sync', phase: 'applying', done: result.appliedFiles, total: Math.max(total, result.appliedFiles) })
    if (!pulled.more) {
      if (joining) result.sent += await recordJoined(session)
      result.aborted = !(await rowsWritten(session.materializer.waiting()))
      break
    }
  }
  const now = options.now()
  for (const device of devices) if (store.appliedSequence(device) > (before.get(device) ?? 0)) markHeard(db, device, now)
  result.touchedTables = [...tables]
  if (!result.aborted) {
    // One transaction for compaction's bookkeeping (who was heard from), not a disk wait per device.
    const plan = withoutDiskWait(db, () => store.atomically(() => planSnapshot(engine, options.policy ?? DEFAULT_POLICY)))
    result.compacted = plan !== null && (await writeSnapshotInSlices(engine, plan, chunkMs, options.signal))
    result.aborted = (plan !== null && !result.compacted) || (await inSlices(tidyFolder(engine), chunkMs, options.signal)) === null
  }
  result.rejoinNeeded = store.meta('rejoin') === true
  return result
}
