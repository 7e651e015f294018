import type { Bridge, BridgeEventName, BridgeEvents } from '../../../shared/ipc/bridge'
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract'
import type { ErrorCode, RpcError as RpcErrorShape } from '../../../shared/ipc/result'

declare global {
  interface Window {
    /** Exposed by the preload in the app, injected by the harness in end-to-end tests. */
    bridge?: Bridge
  }
}

/**
 * A failed call, as the core described it. `message` is the core's generic text (never user
 * content); screens show their own words, chosen by `code`.
 */
export class RpcError extends Error {
  readonly code: ErrorCode | 'BRIDGE_UNAVAILABLE'
  readonly field: string | undefined

  constructor(code: ErrorCode | 'BRIDGE_UNAVAILABLE', message: string, field?: string) {
    super(message)
    this.name = 'RpcError'
    this.code = code
    this.field = field
  }

  static from(error: RpcErrorShape): RpcError {
    return new RpcError(error.code, error.message, error.field)
  }
}

export const isRpcError = (error: unknown, code?: RpcError['code']): error is RpcError =>
  error instanceof RpcError && (code === undefined || error.code === code)

function bridge(): Bridge {
  const b = window.bridge
  if (!b) throw new RpcError('BRIDGE_UNAVAILABLE', 'The connection to Between’s core is missing.')
  return b
}

/** Calls one channel of the contract; resolves with its output or throws an RpcError. */
export async function rpc<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await bridge().invoke(channel, input)
  if (result.ok) return result.value as ChannelOutput<C>
  throw RpcError.from(result.error)
}

/** Subscribes to a push event from main; returns the unsubscribe function. */
export function onBridgeEvent<E extends BridgeEventName>(
  event: E,
  listener: (payload: BridgeEvents[E]) => void,
): () => void {
  const b = window.bridge
  if (!b) return () => undefined
  return b.on(event, listener)
}
