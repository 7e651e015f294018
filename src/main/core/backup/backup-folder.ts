import type { BackupFolderSetting } from '../ports'
import type { PrefsStore } from '../prefs/prefs-store'

/** The backup folder kept in the preferences (backupFolder): a path, nothing private. */
export const backupFolderFromPrefs = (prefs: PrefsStore): BackupFolderSetting => ({
  get: () => prefs.get().backupFolder,
  set: (folder) => void prefs.set({ backupFolder: folder }),
})

/** In memory only (tests, and a core created without preferences). */
export function memoryBackupFolder(initial: string | null = null): BackupFolderSetting {
  let folder = initial
  return { get: () => folder, set: (next) => void (folder = next) }
}
