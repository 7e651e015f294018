import { useEffect, useRef } from 'react'
import { Icon } from '../components/ui'
import { appStrings as s } from './app.strings'
import { useNavigation } from './navigation'
import { routes } from './routes'

/**
 * The list of screens, the same in every layout. `compact` (the icon rail) shows icons with the
 * names kept for screen readers and as tooltips. The current screen has aria-current="page".
 */
export function ShellNav({ compact = false, onNavigated }: { compact?: boolean; onNavigated?: () => void }): React.JSX.Element {
  const { route, navigate } = useNavigation()
  const list = useRef<HTMLElement>(null)
  // In a short window the list scrolls: the current screen is always shown in it (only the list
  // moves; scrollIntoView would scroll the page too).
  useEffect(() => {
    const nav = list.current
    const item = nav?.querySelector('[aria-current="page"]')
    if (!nav || !item) return
    const shown = nav.getBoundingClientRect()
    const box = item.getBoundingClientRect()
    if (box.top < shown.top) nav.scrollTop -= shown.top - box.top
    else if (box.bottom > shown.bottom) nav.scrollTop += box.bottom - shown.bottom
  }, [route])
  return (
    <nav ref={list} aria-label={s.nav.label} className="shell-nav">
      <ul>
        {routes
          .filter((r) => r.sidebar !== false)
          .map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={r.id === route ? 'page' : undefined}
                title={compact ? r.label : undefined}
                onClick={() => {
                  navigate(r.id)
                  onNavigated?.()
                }}
              >
                <Icon name={r.icon} />
                <span className={compact ? 'visually-hidden' : undefined}>{r.label}</span>
              </button>
            </li>
          ))}
      </ul>
    </nav>
  )
}

/** Keyboard shortcuts and Lock, at the foot of the sidebar or in the narrow menu. */
export function ShellActions(props: { compact?: boolean; locking: boolean; onLock: () => void; onHelp: () => void }): React.JSX.Element {
  const label = (text: string) => <span className={props.compact ? 'visually-hidden' : undefined}>{text}</span>
  return (
    <div className="shell-actions">
      <button type="button" className="nav-item" aria-keyshortcuts="?" title={props.compact ? s.shortcuts.button : undefined} onClick={props.onHelp}>
        <Icon name="info" />
        {label(s.shortcuts.button)}
      </button>
      <button
        type="button"
        className="nav-item"
        aria-keyshortcuts="Control+L"
        aria-busy={props.locking || undefined}
        title={props.compact ? s.lock : s.lockHint}
        onClick={props.onLock}
      >
        <Icon name="lock" />
        {label(props.locking ? s.locking : s.lock)}
      </button>
    </div>
  )
}
