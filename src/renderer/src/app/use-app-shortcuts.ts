import { useEffect, useRef } from 'react'
import { requestIntent } from './intents'
import type { Navigation } from './navigation'
import type { RouteId } from './routes'
import { actionFor } from './shortcuts'
import { keepTypedAhead, startTypedAhead } from './typed-ahead'

interface Handlers {
  navigate: Navigation['navigate']
  /** Navigates without moving focus to the heading (the intent decides where focus goes). */
  go(route: RouteId, focusHeading: boolean): void
  lock(): void
  openHelp(): void
}

/**
 * The app's shortcuts, anywhere in the shell: Ctrl/Cmd+N a new reflection, Ctrl/Cmd+F or "/"
 * search (every key typed on the way is kept for the search box), Ctrl/Cmd+L lock, Ctrl/Cmd+K
 * "Ready to contact?", "?" the help sheet.
 */
export function useAppShortcuts(handlers: Handlers): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (keepTypedAhead(event)) return
      const action = actionFor(event, document.activeElement, document.querySelector('dialog[open]') !== null)
      if (action === null) return
      event.preventDefault()
      const { navigate, go, lock, openHelp } = latest.current
      switch (action) {
        case 'new-reflection':
          go('timeline', false)
          requestIntent('new-reflection')
          break
        case 'search':
          startTypedAhead()
          go('timeline', false)
          requestIntent('search')
          break
        case 'lock':
          lock()
          break
        case 'contact':
          navigate('contact')
          break
        case 'help':
          openHelp()
          break
      }
    }
    // Capture: keys typed ahead of the search box are kept before anything else sees them.
    document.addEventListener('keydown', onKey, true)
    return () => document.removeEventListener('keydown', onKey, true)
  }, [])
}
