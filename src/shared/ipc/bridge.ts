import type { RpcResult } from './result'

/** Push events from main to the renderer. */
export interface BridgeEvents {
  'vault.locked': { reason: 'idle' | 'manual' | 'suspend' | 'screen-lock' | 'quit' | 'restore' }
  'data.changed': { tables: string[] }
  /** Save what is being edited, then call `ui.flushed` {token}: the vault is about to lock. */
  'ui.flush': { token: string }
  /** A sync pass in progress (files applied of those waiting). */
  'sync.progress': { op: 'sync'; phase: 'sending' | 'applying'; done: number; total: number }
}
export type BridgeEventName = keyof BridgeEvents

/** What the preload exposes as window.bridge, and what the e2e harness injects. */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<RpcResult<unknown>>
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void
}
