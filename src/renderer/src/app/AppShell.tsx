import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Banner, Button, Icon, LoadingArea } from '../components/ui'
import { ContactEntry } from '../features/contact/ContactEntry'
import { CrisisHelpButton } from '../features/crisis-plan/CrisisHelpButton'
import { CrisisViewProvider } from '../features/crisis-plan/crisis-view-context'
import { useVaultSession } from '../features/vault/vault-session'
import { appStrings as s } from './app.strings'
import { ErrorBoundary } from './ErrorBoundary'
import { NavigationContext, type Navigation } from './navigation'
import { DEFAULT_ROUTE, routes, type RouteId } from './routes'

/** Sidebar with the feature screens and the Lock button; the chosen screen in <main>. */
export function AppShell(): React.JSX.Element {
  const session = useVaultSession()
  const [route, setRoute] = useState<RouteId>(DEFAULT_ROUTE)
  const [locking, setLocking] = useState(false)
  const mainRef = useRef<HTMLElement>(null)
  const navigatedRef = useRef(false)

  const navigate = useCallback((next: RouteId) => {
    navigatedRef.current = true
    setRoute(next)
  }, [])
  const navigation = useMemo<Navigation>(() => ({ route, navigate }), [route, navigate])
  const current = routes.find((r) => r.id === route) ?? routes[0]

  useEffect(() => {
    document.title = `${current?.label ?? ''} · Between`
    // After a navigation, move focus to the new screen's heading (or main) for screen readers.
    if (!navigatedRef.current) return
    const target = mainRef.current?.querySelector<HTMLElement>('h1') ?? mainRef.current
    if (target && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
    target?.focus()
  }, [current])

  const lock = async (): Promise<void> => {
    setLocking(true)
    await session.lock().catch(() => setLocking(false))
  }

  return (
    <NavigationContext.Provider value={navigation}>
      {/* The crisis view, one action from every screen: the button below, Ctrl/Cmd+Shift+H, the menu. */}
      <CrisisViewProvider onEditPlan={() => navigate('crisis-plan')}>
        <div className="shell">
          <a className="skip-link" href="#main">
            {s.skipToContent}
          </a>
          <aside className="sidebar">
            <div className="sidebar__brand">
              <span className="brand-mark" aria-hidden="true">
                <Icon name="leaf" size={20} />
              </span>
              <span className="brand-name">Between</span>
            </div>
            <ContactEntry />
            <CrisisHelpButton />
            <nav aria-label={s.nav.label} className="sidebar__nav">
              <ul>
                {routes.filter((r) => r.sidebar !== false).map((r) => (
                  <li key={r.id}>
                    <button
                      type="button"
                      className="nav-item"
                      aria-current={r.id === route ? 'page' : undefined}
                      onClick={() => navigate(r.id)}
                    >
                      <Icon name={r.icon} />
                      <span>{r.label}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="sidebar__footer">
              <Button icon="lock" variant="secondary" block onClick={() => void lock()} busy={locking} busyLabel={s.locking} title={s.lockHint}>
                {s.lock}
              </Button>
            </div>
          </aside>
          <main id="main" ref={mainRef} className="shell__main" tabIndex={-1}>
            <ErrorBoundary resetKey={route} fallback={<Banner tone="danger">{s.screenFailed}</Banner>}>
              <Suspense fallback={<LoadingArea label="" />}>{current ? <current.Screen /> : null}</Suspense>
            </ErrorBoundary>
          </main>
        </div>
      </CrisisViewProvider>
    </NavigationContext.Provider>
  )
}
