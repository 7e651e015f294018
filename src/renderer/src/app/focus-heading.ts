/**
 * After a navigation, moves focus to the new screen's <h1> (for screen readers; it gets no ring).
 * A screen loaded on first visit shows its heading a few frames later: wait for it, up to about
 * a second, then settle for <main>. Returns a function that stops waiting.
 */
export function focusHeadingWhenReady(main: HTMLElement): () => void {
  let frame = 0
  let tries = 0
  const attempt = () => {
    // The screen being left may still be in the page, hidden, while the new one loads.
    const heading = [...main.querySelectorAll<HTMLElement>('h1')].find((h) => h.getClientRects().length > 0)
    const target = heading ?? (tries++ >= 60 ? main : null)
    if (!target) {
      frame = requestAnimationFrame(attempt)
      return
    }
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
    target.focus()
  }
  attempt()
  return () => cancelAnimationFrame(frame)
}
