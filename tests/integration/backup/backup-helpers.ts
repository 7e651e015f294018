import { readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { memoryBackupFolder } from '../../../src/main/core/backup/backup-folder'
import type { BackupFolderSetting } from '../../../src/main/core/ports'
import { fakeDialogs, type FakeDialogs } from '../../helpers/fake-ports'
import { createTestVault, makeTempDir, type TestVault } from '../../helpers/test-vault'

export interface BackupVault extends TestVault {
  folder: string
  folderSetting: BackupFolderSetting
  dialogs: FakeDialogs
}

/** A test vault with a backup folder of its own; cleanup removes the folder and any restore siblings. */
export async function createBackupVault(options: { keep?: number; folder?: string | null } = {}): Promise<BackupVault> {
  const folder = makeTempDir('between-backups-')
  const folderSetting = memoryBackupFolder(options.folder === null ? null : (options.folder ?? folder))
  const dialogs = fakeDialogs()
  const vault = await createTestVault({ dialogs, backupFolder: folderSetting, ...(options.keep ? { backupKeep: options.keep } : {}) })
  return {
    ...vault,
    folder,
    folderSetting,
    dialogs,
    cleanup() {
      vault.cleanup()
      rmSync(folder, { recursive: true, force: true })
      removeSiblings(vault.dir)
    },
  }
}

/** `<dir>.before-restore-…`, `<dir>.restoring-…`, `<dir>.failed-restore-…` */
export function siblingsOf(dir: string): string[] {
  return readdirSync(dirname(dir)).filter((name) => name.startsWith(`${basename(dir)}.`))
}

export function removeSiblings(dir: string): void {
  for (const name of siblingsOf(dir)) rmSync(join(dirname(dir), name), { recursive: true, force: true })
}

/** Work folders the backup code makes under the vault folder (must all be gone afterwards). */
export const leftoverWorkDirs = (vaultDir: string): string[] => {
  try {
    return readdirSync(vaultDir).filter((name) => name.startsWith('between-backup-'))
  } catch {
    return []
  }
}

export const backupFiles = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.betweenbackup')).sort()
