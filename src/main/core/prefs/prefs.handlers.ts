import type { prefsContract } from '../../../shared/ipc/contracts/prefs'
import type { SliceHandlers } from '../shell/slice-handlers'
import type { PrefsStore } from './prefs-store'

export function prefsHandlers(prefs: PrefsStore): SliceHandlers<typeof prefsContract> {
  return {
    'prefs.get': () => ({ prefs: prefs.get(), corruptedAtStart: prefs.corruptedAtStart }),
    'prefs.set': (patch) => prefs.set(patch),
  }
}
