import type { z } from 'zod'
import { fail, ok, type RpcResult } from '../../../shared/ipc/result'
import { genericError } from '../errors'

type SliceContract = Record<string, { input: z.ZodType; output: z.ZodType }>

/**
 * What dispatch does (validate input, run, validate output), for one contract slice on its
 * own: slice tests do not depend on the slice being registered in contract.ts yet.
 */
export async function callSlice<C extends SliceContract, H extends { [K in keyof C]?: (input: never) => unknown }>(
  contract: C,
  handlers: H,
  channel: keyof H & keyof C & string,
  input: unknown,
): Promise<RpcResult<unknown>> {
  const spec = contract[channel]
  if (!spec) return fail(genericError('UNKNOWN_CHANNEL'))
  const parsed = spec.input.safeParse(input)
  if (!parsed.success) return fail(genericError('INVALID_INPUT'))
  const handler = handlers[channel] as unknown as (arg: unknown) => unknown
  return ok(spec.output.parse(await handler(parsed.data)))
}
