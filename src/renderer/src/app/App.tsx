import { useEffect } from 'react'
import { Banner, Button, LoadingArea } from '../components/ui'
import { useActivityPings } from '../lib/activity'
import { CrisisViewProvider } from '../features/crisis-plan/crisis-view-context'
import { Onboarding } from '../features/vault/Onboarding'
import { UnlockScreen } from '../features/vault/UnlockScreen'
import { useVaultSession } from '../features/vault/vault-session'
import { VaultFrame } from '../features/vault/VaultFrame'
import { vaultStrings } from '../features/vault/vault.strings'
import { useThemeFromPrefs } from '../features/settings/theme'
import { appStrings as s } from './app.strings'
import { AppShell } from './AppShell'
import { Providers } from './providers'
import { preloadDefaultScreen } from './routes'

/** Top-level screens by vault state. Nothing of the app is mounted unless the vault is open. */
function Screens(): React.JSX.Element {
  const session = useVaultSession()
  const { screen } = session
  useThemeFromPrefs()
  // While the vault may be open (first run opens it), report use to main's idle lock.
  useActivityPings(screen.name === 'unlocked' || screen.name === 'onboarding')
  // The first screen's code (no content) loads while the person types the passphrase; a failure
  // here is shown by the screen itself when it renders.
  const beforeApp = screen.name === 'locked' || screen.name === 'onboarding'
  useEffect(() => {
    if (beforeApp) preloadDefaultScreen().catch(() => undefined)
  }, [beforeApp])
  switch (screen.name) {
    case 'loading':
      return <LoadingArea label={vaultStrings.loading} />
    case 'error':
      return (
        <VaultFrame title={s.errorTitle}>
          <div className="stack">
            <Banner tone="danger">{screen.message}</Banner>
            <div className="button-row button-row--end">
              <Button variant="primary" onClick={session.refresh}>
                {s.retry}
              </Button>
            </div>
          </div>
        </VaultFrame>
      )
    case 'onboarding':
      return <Onboarding />
    case 'locked':
      // Help before unlock: the app's own numbers, one action away (shortcut and menu too).
      return (
        <CrisisViewProvider locked>
          <UnlockScreen key="locked" />
        </CrisisViewProvider>
      )
    case 'unlocked':
      return <AppShell />
  }
}

export function App(): React.JSX.Element {
  return (
    <Providers>
      <Screens />
    </Providers>
  )
}
