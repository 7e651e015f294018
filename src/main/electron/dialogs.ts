/**
 * The FileDialogs port over Electron's dialog module: the only way the core learns a path.
 * Thin on purpose; the choices (titles, filters) are data, tested with a fake `dialog`.
 */
import type { BrowserWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { join } from 'node:path'
import type { FileDialogs, FolderKind, OpenKind, SaveKind } from '../core/ports'

export const SAVE_CHOICES: Record<SaveKind, { title: string; filters: FileFilter[] }> = {
  backup: { title: 'Save a backup of Between', filters: [{ name: 'Between backup', extensions: ['betweenbackup'] }] },
  'json-export': { title: 'Export everything (not encrypted)', filters: [{ name: 'JSON', extensions: ['json'] }] },
  'markdown-export': { title: 'Export as Markdown (not encrypted)', filters: [{ name: 'Markdown', extensions: ['md'] }] },
  'pdf-export': { title: 'Save a PDF report (not encrypted)', filters: [{ name: 'PDF', extensions: ['pdf'] }] },
}

export const OPEN_CHOICES: Record<OpenKind, { title: string; filters: FileFilter[] }> = {
  backup: { title: 'Choose a Between backup', filters: [{ name: 'Between backup', extensions: ['betweenbackup'] }] },
  'between-json': { title: 'Import a Between export', filters: [{ name: 'JSON', extensions: ['json'] }] },
  'day-one-json': { title: 'Import a Day One journal (its export zip or a JSON file from it)', filters: [{ name: 'Day One export', extensions: ['zip', 'json'] }] },
  'daylio-csv': { title: 'Import a Daylio backup (the CSV file it exports)', filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }] },
  calendar: { title: 'Import appointments from a calendar file', filters: [{ name: 'Calendar', extensions: ['ics', 'ical', 'ifb', 'icalendar'] }] },
}

export const FOLDER_TITLES: Record<FolderKind, string> = {
  'backup-folder': 'Choose a folder for automatic backups',
  'markdown-folder': 'Choose a folder for the Markdown files (not encrypted)',
  'sync-folder': 'Choose the folder your computers already keep in sync',
}

type DialogLike = Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>

export function createElectronFileDialogs(dialog: DialogLike, getWindow: () => BrowserWindow | null, defaultFolder: () => string): FileDialogs {
  const parent = () => {
    const win = getWindow()
    return win && !win.isDestroyed() ? win : null
  }
  const save = (options: SaveDialogOptions) => {
    const win = parent()
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)
  }
  const open = (options: OpenDialogOptions) => {
    const win = parent()
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)
  }
  return {
    async chooseSavePath(kind, suggestedName) {
      const choice = SAVE_CHOICES[kind]
      const result = await save({
        title: choice.title,
        defaultPath: join(defaultFolder(), suggestedName),
        filters: choice.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseOpenPath(kind) {
      const choice = OPEN_CHOICES[kind]
      const result = await open({ title: choice.title, defaultPath: defaultFolder(), filters: choice.filters, properties: ['openFile'] })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseFolder(kind) {
      const result = await open({ title: FOLDER_TITLES[kind], defaultPath: defaultFolder(), properties: ['openDirectory', 'createDirectory'] })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
