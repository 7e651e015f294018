/**
 * Watching a folder on disk (the sync folder's devices/): `fs.watch` recursive where the
 * platform has it, and where it fails (no recursive watch, the folder not there yet, no inotify
 * watches left, the folder gone) a listing every few seconds compared with the previous one.
 * A network share may tell fs.watch nothing of other computers' writes: the sync scheduler's
 * timer still passes.
 */
import { readdirSync, watch, type FSWatcher } from 'node:fs'
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

export function nodeWatchFolder(pollMs = POLL_MS): WatchFolder {
  return (dir, onChange) => {
    let watcher: FSWatcher | null = null
    let poll: ReturnType<typeof setInterval> | null = null
    let closed = false

    const startPolling = (): void => {
      watcher?.close()
      watcher = null
      if (closed || poll) return
      let seen = listing(dir)
      poll = setInterval(() => {
        const now = listing(dir)
        for (const name of now) if (!seen.has(name)) onChange(name)
        for (const name of seen) if (!now.has(name)) onChange(name)
        seen = now
      }, pollMs)
    }

    try {
      watcher = watch(dir, { recursive: true }, (_event, name) => onChange(name === null ? null : withSlashes(name)))
      watcher.on('error', startPolling)
    } catch {
      startPolling()
    }
    return {
      close() {
        closed = true
        watcher?.close()
        watcher = null
        if (poll) clearInterval(poll)
        poll = null
      },
    }
  }
}
