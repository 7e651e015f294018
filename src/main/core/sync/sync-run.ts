/**
 * One sync pass as background work: capture local changes, seal them, then apply other
 * devices' files in small chunks, yielding to the event loop between chunks, reporting
 * progress and stopping cleanly when the signal is aborted (every chunk is its own
 * transaction, so a stop leaves nothing half-applied). The heavy-work jobs machinery can run
 * it as a job: it needs only `signal` and `onProgress`.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { captureChanges } from './capture'
import { flushOutbox, otherDevices, pullFiles, takeCensus, type WaitReason } from './engine'
import { markHeard, saveClock } from './sync-settings.repo'
import type { SyncSession } from './sync-session'

export interface SyncProgress {
  op: 'sync'
  phase: 'sending' | 'applying'
  done: number
  total: number
}

export interface SyncRunOptions {
  signal?: AbortSignal
  onProgress?(progress: SyncProgress): void
  /** Operations applied per chunk, at most (one transaction each; a file is never split). */
  chunkOps?: number
  now(): number
}

export interface SyncRunResult {
  sent: number
  appliedFiles: number
  appliedOps: number
  waiting: Array<{ device: string; reason: WaitReason }>
  touchedTables: string[]
  aborted: boolean
}

/** About 100 ms of work on these machines; the event loop runs between chunks. */
const DEFAULT_CHUNK_OPS = 200

export async function runSync(session: SyncSession, options: SyncRunOptions): Promise<SyncRunResult> {
  const { engine, db, store } = session
  const result: SyncRunResult = { sent: 0, appliedFiles: 0, appliedOps: 0, waiting: [], touchedTables: [], aborted: false }
  session.refreshHeader()
  store.atomically(() => {
    captureChanges(db, store, engine.hlc)
    saveClock(db, engine.hlc.last())
  })
  options.onProgress?.({ op: 'sync', phase: 'sending', done: 0, total: 1 })
  result.sent = flushOutbox(engine)
  const total = [...takeCensus(engine).waitingFiles.values()].reduce((a, b) => a + b, 0)
  const tables = new Set<string>()
  const devices = otherDevices(engine.folder, engine.device)
  const before = new Map(devices.map((device) => [device, store.appliedSequence(device)]))
  for (;;) {
    if (options.signal?.aborted) {
      result.aborted = true
      break
    }
    const pulled = store.atomically(() => {
      const chunk = pullFiles(engine, { files: Number.MAX_SAFE_INTEGER, ops: options.chunkOps ?? DEFAULT_CHUNK_OPS })
      const touched = session.takeTouched()
      for (const [table] of touched) tables.add(table)
      session.materializer.write(touched)
      saveClock(db, engine.hlc.last())
      return chunk
    })
    result.appliedFiles += pulled.files
    result.appliedOps += pulled.ops
    result.waiting = [...pulled.waiting].map(([device, reason]) => ({ device, reason }))
    options.onProgress?.({ op: 'sync', phase: 'applying', done: result.appliedFiles, total: Math.max(total, result.appliedFiles) })
    if (!pulled.more) break
    await yieldToLoop()
  }
  const now = options.now()
  for (const device of devices) if (store.appliedSequence(device) > (before.get(device) ?? 0)) markHeard(db, device, now)
  result.touchedTables = [...tables]
  return result
}
