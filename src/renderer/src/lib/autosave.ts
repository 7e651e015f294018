import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Autosave for editors: debounced while typing, and at once before lock, navigation and quit.
 *
 * Unsaved text lives only in memory: in the editor's state and, when an editor closes with a
 * save still failing, in `kept` below, so reopening the entry shows the text and the error
 * instead of losing it. Nothing is written to localStorage or any other storage: the only
 * place text is persisted is the encrypted vault, through the core.
 */

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error'

type Flusher = () => Promise<void>
const flushers = new Set<Flusher>()
const inFlight = new Set<Promise<unknown>>()

/** Saves everything being edited now; resolves when every save has finished (or failed). */
export async function flushAllEdits(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()))
  await Promise.allSettled([...inFlight])
}

/** Text whose editor closed while its last save had failed, by entry key. In memory only. */
const kept = new Map<string, unknown>()
export const keptEdit = <T>(key: string): T | undefined => kept.get(key) as T | undefined
export const forgetKeptEdit = (key: string): void => void kept.delete(key)

let wired = false
/**
 * Wires the global moments to save: main's `ui.flush` before a lock (answered with
 * `ui.flushed`), the window closing, and the page being hidden. Idempotent.
 */
export function wireFlushEvents(): void {
  if (wired || typeof window === 'undefined') return
  wired = true
  const bridge = window.bridge
  if (bridge) {
    // `ui.flush` is main's push event; typed loosely so this works before and after it lands
    // in BridgeEvents.
    const on = bridge.on as unknown as (event: string, listener: (payload: { token?: unknown }) => void) => () => void
    on('ui.flush', (payload) => {
      void flushAllEdits().finally(() => {
        if (typeof payload?.token === 'string') void bridge.invoke('ui.flushed', { token: payload.token }).catch(() => undefined)
      })
    })
  }
  window.addEventListener('pagehide', () => void flushAllEdits())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAllEdits()
  })
}

export interface Autosave {
  status: SaveStatus
  /** When the last save finished. */
  savedAt: number | null
  /** Saves now if anything changed (blur, before closing). */
  flush(): Promise<void>
  /** Retries a failed save. */
  retry(): void
}

interface Options<T> {
  /** Identifies the entry ('reflection:new-…' until it exists). */
  key: string
  value: T
  /** Writes the value; throws when it could not. Calls are never concurrent. */
  save(value: T): Promise<void>
  /** Whether the value is worth saving (e.g. a new, still empty reflection is not). */
  shouldSave?(value: T): boolean
  delayMs?: number
  /** The value came from the vault as it is: show "Saved" until it changes. */
  loaded?: boolean
}

/** Debounced autosave of `value` through `save`, serialised, with a visible status. */
export function useAutosave<T>({ key, value, save, shouldSave, delayMs = 800, loaded = false }: Options<T>): Autosave {
  const [status, setStatus] = useState<SaveStatus>(() => (kept.has(key) ? 'error' : loaded ? 'saved' : 'idle'))
  const [savedAt, setSavedAt] = useState<number | null>(null)
  const latest = useRef({ value, save, shouldSave, key })
  const savedValue = useRef<string>(kept.has(key) ? '' : JSON.stringify(value))
  const timer = useRef<number | null>(null)
  const chain = useRef<Promise<void>>(Promise.resolve())

  useEffect(() => {
    latest.current = { value, save, shouldSave, key }
  })

  const run = useCallback((): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current)
      timer.current = null
    }
    const next = chain.current.then(async () => {
      const { value: current, save: write, shouldSave: worth, key: currentKey } = latest.current
      const serial = JSON.stringify(current)
      if (serial === savedValue.current || (worth && !worth(current))) {
        setStatus((s) => (s === 'pending' ? (savedValue.current === '' ? 'idle' : 'saved') : s))
        return
      }
      setStatus('saving')
      try {
        await write(current)
        savedValue.current = serial
        kept.delete(currentKey)
        setSavedAt(Date.now())
        setStatus(JSON.stringify(latest.current.value) === serial ? 'saved' : 'pending')
      } catch {
        kept.set(currentKey, current)
        setStatus('error')
      }
    })
    chain.current = next
    inFlight.add(next)
    void next.finally(() => inFlight.delete(next))
    return next
  }, [])

  // Debounce on change.
  const serial = JSON.stringify(value)
  useEffect(() => {
    if (serial === savedValue.current) return
    setStatus((s) => (s === 'error' ? s : 'pending'))
    if (timer.current !== null) window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => void run(), delayMs)
  }, [serial, delayMs, run])

  // Registered for lock / quit; saved at once when the editor closes (navigation, panel close).
  useEffect(() => {
    wireFlushEvents()
    flushers.add(run)
    return () => {
      flushers.delete(run)
      void run()
    }
  }, [run])

  return { status, savedAt, flush: run, retry: () => void run() }
}
