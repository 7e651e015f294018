import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { applyPrefsPatch, DEFAULT_PREFS, readPrefs, type Prefs, type PrefsPatch } from '../../../shared/prefs'
import { silentLogger, type Logger } from '../ports'

/**
 * The core's preferences port. Preferences hold nothing private (src/shared/prefs.ts); they are
 * read once at start and kept in memory, and every change is written through.
 */
export interface PrefsStore {
  get(): Prefs
  /** Applies a validated patch and returns the new preferences. Never throws for I/O. */
  set(patch: PrefsPatch): Prefs
  /** True when the stored preferences were unreadable at start and defaults were used. */
  readonly corruptedAtStart: boolean
  /** Called after every successful set; returns an unsubscribe function. */
  subscribe(listener: (prefs: Prefs) => void): () => void
}

/**
 * Where preferences are kept. read() returns the stored JSON value (undefined when nothing is
 * stored yet) and throws when the stored data cannot be read as JSON.
 */
export interface PrefsBackend {
  read(): unknown
  write(prefs: Prefs): void
}

export function createPrefsStore(backend: PrefsBackend, logger: Logger = silentLogger): PrefsStore {
  let stored: unknown
  let unreadable = false
  try {
    stored = backend.read()
  } catch {
    unreadable = true
  }
  const { prefs: initial, corrupted } = readPrefs(stored)
  const corruptedAtStart = unreadable || corrupted
  let current = initial
  const listeners = new Set<(prefs: Prefs) => void>()

  const persist = (prefs: Prefs): void => {
    try {
      backend.write(prefs)
    } catch (error) {
      // Kept in memory for this run; the next successful write catches up.
      logger.error('PREFS_WRITE_FAILED', { errorName: error instanceof Error ? error.name : typeof error })
    }
  }

  if (corruptedAtStart) {
    logger.warn('PREFS_CORRUPT_DEFAULTS_USED')
    persist(current)
  }

  return {
    get: () => current,
    set(patch) {
      current = applyPrefsPatch(current, patch)
      persist(current)
      for (const listener of listeners) {
        try {
          listener(current)
        } catch (error) {
          logger.error('PREFS_LISTENER_FAILED', { errorName: error instanceof Error ? error.name : typeof error })
        }
      }
      return current
    },
    corruptedAtStart,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** Preferences in memory only: unit tests, and the core's default when none is given. */
export function createMemoryPrefsStore(initial: Partial<Prefs> = {}): PrefsStore {
  let value: unknown = { ...DEFAULT_PREFS, ...initial }
  return createPrefsStore({
    read: () => value,
    write: (prefs) => {
      value = prefs
    },
  })
}

/**
 * Preferences in a JSON file, written atomically (temp file, fsync, rename). Used by the e2e
 * harness and tests; the app uses electron-store (src/main/electron/prefs.ts) over the same
 * createPrefsStore logic.
 */
export function createJsonFilePrefsStore(filePath: string, logger: Logger = silentLogger): PrefsStore {
  return createPrefsStore(
    {
      read() {
        let text: string
        try {
          text = readFileSync(filePath, 'utf8')
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
          throw error
        }
        return JSON.parse(text) as unknown
      },
      write(prefs) {
        mkdirSync(dirname(filePath), { recursive: true })
        const temp = `${filePath}.tmp`
        const fd = openSync(temp, 'w', 0o600)
        try {
          writeSync(fd, `${JSON.stringify(prefs, null, 2)}\n`)
          fsyncSync(fd)
        } finally {
          closeSync(fd)
        }
        try {
          renameSync(temp, filePath)
        } catch (error) {
          rmSync(temp, { force: true })
          throw error
        }
      },
    },
    logger,
  )
}
