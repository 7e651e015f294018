import type { RpcResult } from './result'
import type { JobProgress } from './schemas/jobs'

/** Push events from main to the renderer. */
export interface BridgeEvents {
  'vault.locked': { reason: 'idle' | 'manual' | 'suspend' | 'screen-lock' | 'quit' | 'restore' }
  'data.changed': { tables: string[] }
  /** Save what is being edited, then call `ui.flushed` {token}: the vault is about to lock. */
  'ui.flush': { token: string }
  /** The menu's "Get help now": open the crisis view. */
  'ui.crisis': Record<string, never>
  /** How far a long job (backup, check, export, sync) has come; throttled to a few per second. */
  'job.progress': JobProgress
}
export type BridgeEventName = keyof BridgeEvents

/** What the preload exposes as window.bridge, and what the e2e harness injects. */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<RpcResult<unknown>>
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void
}
