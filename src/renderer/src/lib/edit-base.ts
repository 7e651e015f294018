/** An update's input (contract `patchOf`): the fields saved and, when known, what they were edited from. */
export interface UpdateSince<P> {
  id: string
  patch: P
  base?: P
}

/**
 * An update as an editor sends it: the fields it saves and, as `base`, the same fields of the
 * record as the editor showed it (loaded, or last saved). The core then changes only what the
 * person changed since: a field still equal to its base keeps what a sync pass wrote meanwhile,
 * a long text merges with the other computer's words, and a short field changed on both keeps
 * the value it replaces as history (records/entity.service.ts `sinceBase`). `shown` may be the
 * whole record: only the saved fields are taken from it.
 */
export function updateSince<P extends object>(id: string, patch: P, shown: NoInfer<P> | null): UpdateSince<P> {
  return shown ? { id, patch, base: baseOf(patch, shown) } : { id, patch }
}

/** The saved fields as the editor showed them (a field the record does not hold, an action such as `retire`, has none). */
export function baseOf<P extends object>(patch: P, shown: object): P {
  return Object.fromEntries(Object.keys(patch).filter((field) => field in shown).map((field) => [field, (shown as Record<string, unknown>)[field]])) as P
}
