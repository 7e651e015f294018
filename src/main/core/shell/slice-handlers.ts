import type { z } from 'zod'

type SliceContract = Record<string, { input: z.ZodType; output: z.ZodType }>

/**
 * Handlers typed by their own contract slice: the same shape as Handler<C> in
 * src/main/ipc/handlers.ts once the slice is spread into the contract, and checkable before.
 */
export type SliceHandlers<S extends SliceContract> = {
  [K in keyof S]: (input: z.output<S[K]['input']>) => z.output<S[K]['output']> | Promise<z.output<S[K]['output']>>
}
