/**
 * Keys typed between a search shortcut and the search box taking focus (the timeline may still
 * be loading). They are kept here, in memory only, and handed to the search box when it opens,
 * so nothing typed is lost.
 */
let active = false
let buffer = ''
let expiry = 0

/** If the search box never opens (a failed load), stop keeping keys after this long. */
const KEEP_FOR_MS = 3000

const isPrintable = (event: KeyboardEvent) => event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey

/** Starts keeping keys; the search box calls takeTypedAhead() once it has focus. */
export function startTypedAhead(): void {
  active = true
  buffer = ''
  expiry = Date.now() + KEEP_FOR_MS
}

/** Called from the shell's keydown (capture) listener: true when the key was kept. */
export function keepTypedAhead(event: KeyboardEvent): boolean {
  if (!active || Date.now() > expiry) return false
  // Already typing somewhere (the person clicked into a field): leave the keys there.
  if (document.activeElement?.matches('input, textarea, select')) return false
  if (isPrintable(event)) buffer += event.key
  else if (event.key === 'Backspace') buffer = buffer.slice(0, -1)
  else return false
  event.preventDefault()
  event.stopPropagation()
  return true
}

export function takeTypedAhead(): string {
  const typed = buffer
  active = false
  buffer = ''
  return typed
}
