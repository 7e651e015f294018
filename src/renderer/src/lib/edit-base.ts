import { useState } from 'react'

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
  if (!shown) return { id, patch }
  const base = Object.fromEntries(Object.keys(patch).map((field) => [field, (shown as Record<string, unknown>)[field]])) as P
  return { id, patch, base }
}

export interface EditBase<P> {
  /** The update for a save of `patch`. */
  update(id: string, patch: P): UpdateSince<P>
  /** A save went through: later saves were edited from these fields. */
  saved(fields: P): void
}

/** For an editor that stays open across saves (autosave): its base is the record as loaded, then each save. */
export function useEditBase<P extends object>(loaded: P | null): EditBase<P> {
  const [base] = useState<EditBase<P>>(() => {
    let shown = loaded
    return {
      update: (id, patch) => updateSince(id, patch, shown),
      saved: (fields) => {
        shown = fields
      },
    }
  })
  return base
}
