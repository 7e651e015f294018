import type { Core } from '../index'

export const backupHandlers = (core: Core) => ({
  'backup.now': core.backups.now,
  'backup.chooseFolder': () => core.backups.chooseFolder(),
  'backup.listAvailable': () => core.backups.listAvailable(),
  'backup.test': core.backups.test,
  'backup.restore': core.backups.restore,
})
