import type { KeyboardEvent } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** `b` comes after `a` in the document. */
const follows = (a: Node, b: Node): boolean => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0

/**
 * Keeps Tab inside a modal: the page behind a modal <dialog> is inert, but Tab could still leave
 * for the browser's own UI (or, in Electron, nowhere). Wraps around from the last control to the
 * first and back. Focus that script put on something inside that Tab does not reach (a heading or
 * a status with tabindex="-1") goes on from there, to the next control. Call from the
 * container's onKeyDown.
 */
export function keepTabInside(event: KeyboardEvent, container: HTMLElement | null): void {
  if (event.key !== 'Tab' || !container) return
  const focusables = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null)
  const first = focusables[0]
  const last = focusables[focusables.length - 1]
  if (!first || !last) return
  const active = document.activeElement
  if (!(active instanceof HTMLElement) || !container.contains(active)) {
    event.preventDefault()
    ;(event.shiftKey ? last : first).focus()
    return
  }
  const reachable = focusables.includes(active)
  if (event.shiftKey && (active === first || (!reachable && follows(active, first)))) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || (!reachable && follows(last, active)))) {
    event.preventDefault()
    first.focus()
  }
}
