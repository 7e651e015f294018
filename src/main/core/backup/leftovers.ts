/**
 * What an interrupted backup, backup check or restore can leave behind (a crash, a kill, a
 * power cut), and its removal: at the core's start and after each run of long work. (An
 * export's `.partial` file sits beside the file the person chose: its path is remembered in the
 * vault and removed at the next unlock; see export/pending-partials.ts.)
 *  - `<vault folder>/between-backup-*`: a job's private working folder (encrypted copies);
 *  - `<backup folder>/.between-….betweenbackup.partial`: a container not yet renamed into place;
 *  - `<vault folder's parent>/<vault folder>.restoring-*`: a restore's staging folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Logger } from '../ports'
import { ioError, safeCause } from '../vault/failures'
import { PARTIAL_NAME } from './backup-container'

export const WORK_FOLDER_PREFIX = 'between-backup-'
export const restoringPrefix = (vaultDir: string): string => `${basename(vaultDir)}.restoring-`

/** A new private working folder under the vault folder (never the system temp folder). */
export function createWorkFolder(vaultDir: string): string {
  try {
    mkdirSync(vaultDir, { recursive: true, mode: 0o700 }) // a restore may come before any vault
    return mkdtempSync(join(vaultDir, WORK_FOLDER_PREFIX))
  } catch (error) {
    throw ioError(error)
  }
}

function removeMatching(folder: string, matches: (name: string) => boolean, logger: Logger): void {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return // no folder, nothing left over
  }
  for (const name of names) {
    if (!matches(name)) continue
    try {
      rmSync(join(folder, name), { recursive: true, force: true })
    } catch (error) {
      logger.warn('backup.leftover_not_removed', safeCause(error))
    }
  }
}

/**
 * `atStart`: also a restore's staging folder (after a run, a restore may still be using its own:
 * it removes it itself whatever happens).
 */
export function removeLeftovers(places: { vaultDir: string; backupFolder: string | null }, logger: Logger, atStart: boolean): void {
  removeMatching(places.vaultDir, (name) => name.startsWith(WORK_FOLDER_PREFIX), logger)
  if (atStart) removeMatching(dirname(places.vaultDir), (name) => name.startsWith(restoringPrefix(places.vaultDir)), logger)
  if (places.backupFolder !== null) removeMatching(places.backupFolder, (name) => PARTIAL_NAME.test(name), logger)
}
