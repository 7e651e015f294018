import { emptyInput } from '../schemas/common'
import {
  backupListResult,
  backupNowInput,
  backupNowResult,
  backupRestoreInput,
  backupRestoreResult,
  backupTestInput,
  backupTestResult,
  chooseFolderResult,
} from '../schemas/backup'
import { channel } from './channel'

/** Encrypted backups (docs/backups.md). */
export const backupContract = {
  /** A verified backup, now: into the backup folder, or where the person chooses. */
  'backup.now': channel(backupNowInput, backupNowResult),
  /** Choose the folder for automatic daily backups (a synced folder gives off-machine copies). */
  'backup.chooseFolder': channel(emptyInput, chooseFolderResult),
  /** The backups in the backup folder, newest first; works while locked and when the vault is damaged. */
  'backup.listAvailable': channel(emptyInput, backupListResult),
  /** Opens a backup in a temporary place, checks it and says what it holds; changes nothing. */
  'backup.test': channel(backupTestInput, backupTestResult),
  /** Makes a backup the vault; the current vault folder is kept aside, and put back on any failure. */
  'backup.restore': channel(backupRestoreInput, backupRestoreResult),
} as const
