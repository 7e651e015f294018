/**
 * The sync folder on disk. New files are written beside their final name as `<name>.tmp`,
 * fsynced, then renamed, so the sync engine carrying the folder never sees part of a file
 * under its real name. Any read error (a cloud placeholder, a file locked mid-transfer) reads
 * as "not there yet".
 */
import { mkdirSync, readdirSync, readFileSync, rmdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { removeIfPresent, writeFileAtomic, writeFileAtomicSync } from '../vault/atomic-write'
import type { SyncFolder } from './folder'

export function fsSyncFolder(root: string): SyncFolder {
  const full = (path: string): string => join(root, ...path.split('/'))
  return {
    list(dir) {
      try {
        return readdirSync(full(dir))
      } catch {
        return []
      }
    },
    read(path) {
      try {
        return readFileSync(full(path))
      } catch {
        return null
      }
    },
    write(path, bytes) {
      mkdirSync(dirname(full(path)), { recursive: true, mode: 0o700 })
      writeFileAtomicSync(full(path), bytes)
    },
    async writeOffThread(path, bytes) {
      mkdirSync(dirname(full(path)), { recursive: true, mode: 0o700 })
      await writeFileAtomic(full(path), bytes)
    },
    remove: (path) => removeIfPresent(full(path)),
    removeFolder(dir) {
      try {
        rmdirSync(full(dir))
      } catch {
        // Not empty (a file arrived meanwhile) or already gone: the next pass looks again.
      }
    },
  }
}
