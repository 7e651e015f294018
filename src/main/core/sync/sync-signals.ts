/**
 * What makes the sync scheduler (sync-scheduler.ts) look before its timer does: a save that
 * touched a synced table ('saved'), the vault opened or sync turned on ('opened'), the vault
 * locked or sync turned off ('closed'). The core raises them; the scheduler listens.
 */
import type { EventSink } from '../ports'
import { syncedTable } from './synced-tables'

export type SyncSignal = 'saved' | 'opened' | 'closed'

export interface SyncSignals {
  emit(signal: SyncSignal): void
  /** Returns the unsubscribe function. */
  subscribe(listener: (signal: SyncSignal) => void): () => void
}

export function createSyncSignals(): SyncSignals {
  const listeners = new Set<(signal: SyncSignal) => void>()
  return {
    emit(signal) {
      for (const listener of listeners) listener(signal)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

/**
 * The services' event sink: every event goes on to `sink`, and a `data.changed` naming a synced
 * table is also a 'saved' signal. Sync's own `data.changed` (after applying other computers'
 * edits) goes straight to `sink`, so applying never starts another pass.
 */
export function signalSaves(sink: EventSink, signals: SyncSignals): EventSink {
  const forward = sink.emit.bind(sink) as (event: string, payload: unknown) => void
  const emit = (event: string, payload: unknown): void => {
    forward(event, payload)
    if (event === 'data.changed' && (payload as { tables: string[] }).tables.some((table) => syncedTable(table))) signals.emit('saved')
  }
  return { emit } as EventSink
}
