import type { z } from 'zod'
import { contract, type Channel } from '../../shared/ipc/contract'
import { fail, ok, type RpcResult } from '../../shared/ipc/result'
import { asCoreError, genericError } from '../core/errors'
import type { Handlers } from './handlers'

export interface DispatchLogger {
  error(code: string, detail: { channel: string; errorName: string }): void
}

const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)

const firstIssuePath = (error: z.ZodError): string => {
  const path = error.issues[0]?.path ?? []
  return path.length === 0 ? '(input)' : path.map(String).join('.')
}

/**
 * Checks the channel, validates the input, runs the handler and returns an RpcResult.
 * Never throws across the boundary; never puts a stack or user content in an error.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  logger?: DispatchLogger,
): Promise<RpcResult<unknown>> {
  if (!isChannel(channel)) return fail(genericError('UNKNOWN_CHANNEL'))
  const spec = contract[channel]
  const parsed = spec.input.safeParse(input)
  if (!parsed.success) {
    return fail({ ...genericError('INVALID_INPUT'), field: firstIssuePath(parsed.error) })
  }
  try {
    const handler = handlers[channel] as (arg: unknown) => unknown
    const value = await handler(parsed.data)
    return ok(spec.output.parse(value))
  } catch (error) {
    const known = asCoreError(error)
    if (known) return fail(known.toRpcError())
    logger?.error('INTERNAL', {
      channel,
      errorName: error instanceof Error ? error.name : typeof error,
    })
    return fail(genericError('INTERNAL'))
  }
}
