import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Banner, Icon, LoadingArea } from '../components/ui'
import { ContactEntry } from '../features/contact/ContactEntry'
import { CrisisHelpButton } from '../features/crisis-plan/CrisisHelpButton'
import { CrisisViewProvider } from '../features/crisis-plan/crisis-view-context'
import { useVaultSession } from '../features/vault/vault-session'
import { appStrings as s } from './app.strings'
import { ErrorBoundary } from './ErrorBoundary'
import { focusHeadingWhenReady } from './focus-heading'
import { HelpSheet } from './HelpSheet'
import { dropPendingIntent } from './intents'
import { NavigationContext, type Navigation } from './navigation'
import { DEFAULT_ROUTE, routes, type RouteId } from './routes'
import { useShellLayout } from './shell-layout'
import { ShellActions, ShellNav } from './ShellNav'
import { useAppShortcuts } from './use-app-shortcuts'

function Brand({ compact = false }: { compact?: boolean }): React.JSX.Element {
  return (
    <div className="shell-brand">
      <span className="brand-mark" aria-hidden="true">
        <Icon name="leaf" size={20} />
      </span>
      <span className={compact ? 'visually-hidden' : 'brand-name'}>Between</span>
    </div>
  )
}

/**
 * The frame around every screen, in one of three layouts chosen by its own width: a sidebar
 * (wide), an icon rail (medium) or a top bar with a menu (narrow). Each keeps the way into
 * "Ready to contact?" and the crisis button in view. The chosen screen is in <main>.
 */
export function AppShell(): React.JSX.Element {
  const session = useVaultSession()
  const [route, setRoute] = useState<RouteId>(DEFAULT_ROUTE)
  const [locking, setLocking] = useState(false)
  const [helpOpen, setHelpOpen] = useState(false)
  const [menuOpen, setMenuOpen] = useState(false)
  const frameRef = useRef<HTMLDivElement>(null)
  const mainRef = useRef<HTMLElement>(null)
  const navigatedRef = useRef(false)
  const layout = useShellLayout(frameRef)

  const go = useCallback((next: RouteId, focusHeading: boolean) => {
    navigatedRef.current = focusHeading
    setRoute(next)
    setMenuOpen(false)
  }, [])
  const navigate = useCallback(
    (next: RouteId) => {
      dropPendingIntent()
      go(next, true)
    },
    [go],
  )
  const navigation = useMemo<Navigation>(() => ({ route, navigate }), [route, navigate])
  const current = routes.find((r) => r.id === route) ?? routes[0]

  useEffect(() => {
    document.title = `${current?.label ?? ''} · Between`
    // After a navigation, move focus to the new screen's heading (or main) for screen readers.
    if (!navigatedRef.current || !mainRef.current) return
    navigatedRef.current = false
    return focusHeadingWhenReady(mainRef.current)
  }, [current])

  const lock = useCallback(async (): Promise<void> => {
    setLocking(true)
    await session.lock().catch(() => setLocking(false))
  }, [session])
  const openHelp = useCallback(() => {
    setMenuOpen(false)
    setHelpOpen(true)
  }, [])
  useAppShortcuts({ navigate, go, lock: () => void lock(), openHelp })

  const actions = (
    <ShellActions
      compact={layout === 'rail'}
      locking={locking}
      onLock={() => void lock()}
      onHelp={openHelp}
    />
  )

  return (
    <NavigationContext.Provider value={navigation}>
      {/* The crisis view, one action from every screen: the help button, Ctrl/Cmd+Shift+H, the menu. */}
      <CrisisViewProvider onEditPlan={() => navigate('crisis-plan')}>
        <div ref={frameRef} className="shell-frame">
          <div className="shell" data-layout={layout}>
            <a className="skip-link" href="#main">
              {s.skipToContent}
            </a>
            {layout === 'narrow' ? (
              <header className="topbar">
                <Brand />
                <div className="topbar__actions">
                  <ContactEntry compact />
                  <CrisisHelpButton compact />
                  <button
                    type="button"
                    className="icon-button topbar__menu"
                    aria-expanded={menuOpen}
                    aria-controls="shell-menu"
                    aria-label={s.menu}
                    onClick={() => setMenuOpen((open) => !open)}
                  >
                    <Icon name={menuOpen ? 'close' : 'list'} />
                  </button>
                </div>
                {menuOpen ? (
                  <div
                    id="shell-menu"
                    className="topbar__menu-panel"
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') setMenuOpen(false)
                    }}
                  >
                    <ShellNav onNavigated={() => setMenuOpen(false)} />
                    {actions}
                  </div>
                ) : null}
              </header>
            ) : (
              <aside className="sidebar" data-compact={layout === 'rail' || undefined}>
                <Brand compact={layout === 'rail'} />
                <ContactEntry compact={layout === 'rail'} />
                <CrisisHelpButton compact={layout === 'rail'} />
                <ShellNav compact={layout === 'rail'} />
                <div className="sidebar__footer">{actions}</div>
              </aside>
            )}
            <main id="main" ref={mainRef} className="shell__main" tabIndex={-1}>
              <ErrorBoundary
                resetKey={route}
                fallback={<Banner tone="danger">{s.screenFailed}</Banner>}
              >
                <Suspense fallback={<LoadingArea label="" />}>
                  {current ? <current.Screen /> : null}
                </Suspense>
              </ErrorBoundary>
            </main>
          </div>
          <HelpSheet open={helpOpen} onClose={() => setHelpOpen(false)} />
        </div>
      </CrisisViewProvider>
    </NavigationContext.Provider>
  )
}
