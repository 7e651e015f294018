import { useState } from 'react'
import { updateSince, type UpdateSince } from './edit-base'

export interface EditBase<P> {
  /** The update for a save of `patch`. */
  update(id: string, patch: P): UpdateSince<P>
  /** A save went through: later saves were edited from these fields (the others stay as shown before). */
  saved(fields: P): void
}

/** For an editor that stays open across saves (autosave): its base is the record as loaded, then each save. */
export function useEditBase<P extends object>(loaded: P | null): EditBase<P> {
  const [base] = useState<EditBase<P>>(() => {
    let shown = loaded
    return {
      update: (id, patch) => updateSince(id, patch, shown),
      saved: (fields) => {
        shown = shown ? { ...shown, ...fields } : fields
      },
    }
  })
  return base
}
