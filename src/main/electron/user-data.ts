import { join } from 'node:path'

/**
 * Where an unpackaged run (`npm run dev`, `npm start` from a checkout) keeps its data, so that
 * development never opens a person's real vault: preferences, the single-instance lock and
 * (unless BETWEEN_DATA_DIR says otherwise) the vault live under "Between-dev" next to the
 * packaged app's "Between". Different folders mean different single-instance locks, so a
 * developer who also uses Between can run both at once.
 */
export const DEV_USER_DATA_NAME = 'Between-dev'

export interface UserDataApp {
  isPackaged: boolean
  getPath(name: 'appData'): string
  setPath(name: 'userData', path: string): void
}

/** Before 'ready' and before the single-instance lock: moves an unpackaged run's userData. Returns the folder it chose, or null. */
export function separateDevUserData(app: UserDataApp): string | null {
  if (app.isPackaged) return null
  const folder = join(app.getPath('appData'), DEV_USER_DATA_NAME)
  app.setPath('userData', folder)
  return folder
}

/** The vault's folder: BETWEEN_DATA_DIR when set (portable installs, tests), else userData/vault. */
export function vaultFolder(userData: string, env: NodeJS.ProcessEnv): string {
  return env['BETWEEN_DATA_DIR'] || join(userData, 'vault')
}
