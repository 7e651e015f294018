/**
 * Watching a folder on disk (the sync folder's devices/): `fs.watch` recursive where the
 * platform has it, and otherwise a listing every few seconds compared with the previous one:
 * while the folder is not there yet (a recursive watch of a missing folder reports nothing,
 * silently), until it appears; for good where the watch fails (no recursive watch, no inotify
 * watches left, the folder removed). A network share may tell fs.watch nothing of other
 * computers' writes: the sync scheduler's timer still passes.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs'
import { sep } from 'node:path'
import type { WatchFolder } from '../ports'

const POLL_MS = 3_000

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

export function nodeWatchFolder(pollMs = POLL_MS): WatchFolder {
  return (dir, onChange) => {
    let watcher: FSWatcher | null = null
    let poll: ReturnType<typeof setInterval> | null = null

    const stopPolling = (): void => {
      if (poll) clearInterval(poll)
      poll = null
    }

    const startWatching = (): boolean => {
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
