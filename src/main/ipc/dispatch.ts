import type { z } from 'zod'
import { contract, type Channel } from '../../shared/ipc/contract'
import { fail, ok, type RpcResult } from '../../shared/ipc/result'
import { isCommit, OutputRejected, runCommit, runsOutsideCall } from '../core/db/channel-call'
import { asCoreError, genericError } from '../core/errors'
import { CHANNEL_CALLS, type Handlers } from './handlers'
import { plainInput } from './plain-input'
import { checkOutput } from './readable-output'

export interface DispatchLogger {
  error(code: string, detail: { channel: string; errorName: string }): void
}

const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)

const firstIssuePath = (error: z.ZodError): string => {
  const path = error.issues[0]?.path ?? []
  return path.length === 0 ? '(input)' : path.map(String).join('.')
}

const invalidInput = (field: string) => fail({ ...genericError('INVALID_INPUT'), field })

/**
 * Checks the channel, validates the input, runs the handler and checks its output.
 * Never throws across the boundary, whatever the input object does; never puts a stack or user
 * content in an error. A handler over the records runs with its output check in one savepoint, a
 * split one's commit likewise; handlers declared outsideCall run without one
 * (src/main/core/db/channel-call.ts): a write whose output breaks the contract is rolled back.
 * A read leaves out list elements it cannot represent (readable-output.ts).
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  logger?: DispatchLogger,
): Promise<RpcResult<unknown>> {
  try {
    if (!isChannel(channel)) return fail(genericError('UNKNOWN_CHANNEL'))
    const spec = contract[channel]
    const plain = plainInput(input)
    if (!plain.ok) return invalidInput('(input)')
    const parsed = spec.input.safeParse(plain.value)
    if (!parsed.success) return invalidInput(firstIssuePath(parsed.error))
    try {
      const handler = handlers[channel] as (arg: unknown) => unknown
      let checked: unknown
      const check = (value: unknown, wrote: boolean): boolean => {
        const result = wrote ? checkStrict(spec.output, value) : checkOutput(spec.output, value)
        if (result.ok) checked = result.value
        return result.ok
      }
      const outside = runsOutsideCall(handler)
      const calls = outside ? undefined : handlers[CHANNEL_CALLS]
      const run = (work: () => unknown): unknown => {
        if (calls) return calls.run(work, check)
        const value = work()
        if (!isPromise(value) && !check(value, true)) throw new OutputRejected()
        return value
      }
      const value = run(() => handler(parsed.data))
      if (!isPromise(value)) return ok(checked)
      const settled = await value
      if (outside) {
        if (!check(settled, true)) throw new OutputRejected()
        return ok(checked)
      }
      // Over the records, what was waited for is written only now, in a savepoint with its output check.
      if (!isCommit(settled)) throw new OutputRejected()
      run(() => runCommit(settled))
      return ok(checked)
    } catch (error) {
      const known = asCoreError(error)
      if (known) return fail(known.toRpcError())
      logger?.error('INTERNAL', { channel, errorName: nameOf(error) })
      return fail(genericError('INTERNAL'))
    }
  } catch {
    return fail(genericError('INTERNAL'))
  }
}

const checkStrict = (schema: z.ZodType, value: unknown): { ok: true; value: unknown } | { ok: false } => {
  const parsed = schema.safeParse(value)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false }
}

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function'

const nameOf = (error: unknown): string => {
  try {
    return error instanceof Error ? error.name : typeof error
  } catch {
    return 'unknown'
  }
}
