/**
 * The two Electron IPC channels under the contract: every call travels on RPC_INVOKE as
 * (channel, input) and every push event on RPC_EVENT as { event, payload }.
 */
export const RPC_INVOKE = 'rpc:invoke'
export const RPC_EVENT = 'rpc:event'

export interface PushMessage {
  event: string
  payload: unknown
}
