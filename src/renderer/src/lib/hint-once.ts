import { useEffect, useState } from 'react'

/** Names of the hints shown once; kept as a list of names only (nothing the person wrote). */
export type HintId = 'timeline-keys'

const STORAGE_KEY = 'between.hintsSeen'

function seenHints(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/**
 * True the first time a hint is shown, false ever after: keyboard hints appear once, and the
 * help sheet (`?`) keeps them for later.
 */
export function useHintOnce(id: HintId): boolean {
  const [show] = useState(() => !seenHints().includes(id))
  useEffect(() => {
    if (!show) return
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...seenHints(), id]))
    } catch {
      // Storage may be unavailable; the hint then shows again next time, which is harmless.
    }
  }, [show, id])
  return show
}
