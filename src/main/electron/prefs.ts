import Store from 'electron-store'
import type { Prefs } from '../../shared/prefs'
import type { Logger } from '../core/ports'
import { createPrefsStore, type PrefsStore } from '../core/prefs/prefs-store'

/** The app's preferences file: `preferences.json` in Electron's userData, beside `vault/`. */
export const PREFS_FILE_NAME = 'preferences'

/**
 * electron-store behind the core's PrefsStore port (the only file that imports it). It is
 * opened with clearInvalidConfig off so that a damaged file is *noticed* (corruptedAtStart,
 * readable through prefs.get) rather than silently reset; the rewrite with defaults then
 * replaces it. Values are validated by our zod schema, not by electron-store's.
 */
export function createElectronPrefsStore(logger: Logger, options: { cwd?: string } = {}): PrefsStore {
  let store: Store<Prefs> | null = null
  const open = (clearInvalidConfig: boolean): Store<Prefs> =>
    new Store<Prefs>({
      name: PREFS_FILE_NAME,
      clearInvalidConfig,
      accessPropertiesByDotNotation: false,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    })
  return createPrefsStore(
    {
      read() {
        store = open(false)
        const stored: unknown = store.store
        return Object.keys(stored as object).length === 0 ? undefined : stored
      },
      write(prefs) {
        store ??= open(true)
        store.store = prefs
      },
    },
    logger,
  )
}
