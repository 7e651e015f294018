import { z } from 'zod'
import { byId, deleted, patchOf } from '../schemas/common'

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })

/** create / get / list / update / delete for one entity, as `<domain>.<verb>` channels. */
export const crud = <D extends string, F extends z.ZodObject, S extends z.ZodType, L extends z.ZodType>(
  domain: D,
  fields: F,
  entity: S,
  listInput: L,
) =>
  ({
    [`${domain}.create`]: channel(fields, entity),
    [`${domain}.get`]: channel(byId, entity),
    [`${domain}.list`]: channel(listInput, z.array(entity)),
    [`${domain}.update`]: channel(patchOf(fields), entity),
    [`${domain}.delete`]: channel(byId, deleted),
  }) as {
    [K in `${D}.create`]: { input: F; output: S }
  } & { [K in `${D}.get`]: { input: typeof byId; output: S } } & {
    [K in `${D}.list`]: { input: L; output: z.ZodArray<S> }
  } & { [K in `${D}.update`]: { input: ReturnType<typeof patchOf<F>>; output: S } } & {
    [K in `${D}.delete`]: { input: typeof byId; output: typeof deleted }
  }
