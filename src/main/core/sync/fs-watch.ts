/**
 * Watching a folder on disk (the sync folder's devices/): `fs.watch` recursive where the
 * platform has it, and otherwise a listing every few seconds compared with the previous one:
 * while the folder is not there yet (a recursive watch of a missing folder reports nothing,
 * silently), until it appears; for good where the watch fails (no recursive watch, no inotify
 * watches left, the folder removed), and from the start on a network share, where a watch
 * hears only this computer's own writes (network-folder.ts). Elsewhere a share the system does
 * not recognise may still tell fs.watch nothing of other computers' writes: the sync
 * scheduler's timer still passes.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs'
import { sep } from 'node:path'
import type { WatchFolder } from '../ports'
import { isNetworkFolder } from './network-folder'

/** How often a folder that is not watched is listed (the sync scheduler's timer is 30 s). */
/** How often a folder that is not watched is listed (the sync scheduler's timer is 30 s). */
export const LIST_EVERY_MS = 3_000

const withSlashes = (name: string): string => name.split(sep).join('/')

function listing(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir, { recursive: true, encoding: 'utf8' }).map(withSlashes))
  } catch {
    return new Set()
  }
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

export function nodeWatchFolder(pollMs = LIST_EVERY_MS, onNetwork: (dir: string) => boolean = isNetworkFolder): WatchFolder {
  return (dir, onChange) => {
    let watcher: FSWatcher | null = null
    let poll: ReturnType<typeof setInterval> | null = null

    const stopPolling = (): void => {
      if (poll) clearInterval(poll)
      poll = null
    }

    /** False where watching fails or would hear nothing of other computers' files. */
    const startWatching = (): boolean => {
      if (onNetwork(dir)) return false
      try {
        watcher = watch(dir, { recursive: true }, (_event, name) => onChange(name === null ? null : withSlashes(name)))
        watcher.on('error', () => startPolling(false))
        return true
      } catch {
        return false
      }
    }

    function startPolling(untilThere: boolean): void {
      watcher?.close()
      watcher = null
      stopPolling()
      let seen = listing(dir)
      poll = setInterval(() => {
        const now = listing(dir)
        for (const name of now) if (!seen.has(name)) onChange(name)
        for (const name of seen) if (!now.has(name)) onChange(name)
        seen = now
        if (untilThere && isFolder(dir)) {
          stopPolling()
          if (!startWatching()) startPolling(false)
        }
      }, pollMs)
    }

    if (!isFolder(dir)) startPolling(true)
    else if (!startWatching()) startPolling(false)
    return {
      close() {
        watcher?.close()
        watcher = null
        stopPolling()
      },
    }
  }
}
