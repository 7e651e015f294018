/**
 * Something to do on arrival at a screen, asked for by a shortcut: a new reflection, or the
 * search box. A screen that handles intents listens with onIntent(); one asked for before the
 * screen is there waits until it subscribes (the timeline loads lazily).
 */
export type IntentKind = 'new-reflection' | 'search'
type Listener = (kind: IntentKind) => void

let pending: IntentKind | null = null
const listeners = new Set<Listener>()

export function requestIntent(kind: IntentKind): void {
  if (listeners.size === 0) {
    pending = kind
    return
  }
  for (const listener of listeners) listener(kind)
}

/** Forgets an intent nobody took (the person went somewhere else first). */
export function dropPendingIntent(): void {
  pending = null
}

/** Listens for intents, taking a pending one at once. Returns the unsubscribe function. */
export function onIntent(listener: Listener): () => void {
  listeners.add(listener)
  if (pending !== null) {
    const kind = pending
    pending = null
    listener(kind)
  }
  return () => {
    listeners.delete(listener)
  }
}
