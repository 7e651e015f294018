import type { BridgeEventName, BridgeEvents } from '../../shared/ipc/bridge'
import { fail, type RpcResult } from '../../shared/ipc/result'
import { genericError } from '../core/errors'
import type { EventSink, Logger } from '../core/ports'
import { RPC_EVENT, RPC_INVOKE, type PushMessage } from '../../shared/ipc/transport'
import { dispatch } from '../ipc/dispatch'
import type { Handlers } from '../ipc/handlers'

/** The one request channel and the one push channel between the window and main. */
export { RPC_EVENT, RPC_INVOKE }

/** Where our UI is served from (protocol.ts). Compared by protocol and host, never by prefix. */
export const APP_ORIGIN = 'app://between'

/** The parts of an IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly mainFrame: unknown }
  readonly senderFrame: { readonly url: string } | null
}

/** Anything shaped like ipcMain (Bruno-style), so tests pass a fake. */
export interface IpcMainLike {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches Electron's IpcMain.handle
  handle(channel: string, listener: (event: any, ...args: any[]) => unknown): void
  removeHandler(channel: string): void
}

export interface RegisterRpcOptions {
  /** Origins whose top-level frame may call; default [APP_ORIGIN]. */
  trustedOrigins?: readonly string[]
}

const parseOrigin = (origin: string): { protocol: string; host: string } => {
  const url = new URL(origin)
  return { protocol: url.protocol, host: url.host }
}

/**
 * True only for our own top-level frame: the sending frame is the main frame of its
 * webContents, and its URL parses to one of the trusted origins' protocol and host, with no
 * user info. A subframe, a destroyed frame, file://, another host or a look-alike host
 * (app://between.evil.com, app://between@evil) is refused.
 */
export function isTrustedSender(event: InvokeEventLike, trustedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  const frame = event.senderFrame
  if (!frame || frame !== event.sender.mainFrame) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  if (url.username !== '' || url.password !== '') return false
  return trustedOrigins.some((origin) => {
    const trusted = parseOrigin(origin)
    return url.protocol === trusted.protocol && url.host === trusted.host
  })
}

/**
 * Serves dispatch on `rpc:invoke` for our own window only. Returns a function that removes
 * the handler. getHandlers is called per request so the composition root can swap the core.
 */
export function registerRpc(
  ipcMain: IpcMainLike,
  getHandlers: () => Handlers,
  logger?: Logger,
  options: RegisterRpcOptions = {},
): () => void {
  const trusted = options.trustedOrigins ?? [APP_ORIGIN]
  trusted.forEach(parseOrigin) // a malformed origin fails at start, not per request
  const listener = async (event: InvokeEventLike, channel: unknown, input: unknown): Promise<RpcResult<unknown>> => {
    if (!isTrustedSender(event, trusted)) {
      logger?.warn('UNTRUSTED_SENDER', { channel: typeof channel === 'string' ? channel : typeof channel })
      return fail(genericError('UNTRUSTED_SENDER'))
    }
    try {
      return await dispatch(getHandlers(), channel, input, logger)
    } catch (error) {
      // dispatch never throws; getHandlers might.
      logger?.error('INTERNAL', { errorName: error instanceof Error ? error.name : typeof error })
      return fail(genericError('INTERNAL'))
    }
  }
  ipcMain.handle(RPC_INVOKE, listener as (event: InvokeEventLike, ...args: unknown[]) => unknown)
  return () => ipcMain.removeHandler(RPC_INVOKE)
}

/** The parts of WebContents an event sink uses. */
export interface EventTargetLike {
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
}

/** Sends one push event on `rpc:event` as { event, payload }; a closed window is skipped. */
export function pushEvent<E extends BridgeEventName>(
  target: EventTargetLike | null | undefined,
  event: E,
  payload: BridgeEvents[E],
): boolean {
  if (!target || target.isDestroyed()) return false
  const message: PushMessage = { event, payload }
  target.send(RPC_EVENT, message)
  return true
}

/** The core's EventSink over the current window. */
export function createWindowEventSink(getTarget: () => EventTargetLike | null | undefined): EventSink {
  return {
    emit(event: BridgeEventName, payload: BridgeEvents[BridgeEventName]) {
      pushEvent(getTarget(), event, payload)
    },
  } as EventSink
}
