import { useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { BridgeEvents } from '../../../../shared/ipc/bridge'
import { prefetchDefaultScreen } from '../../app/routes'
import { onBridgeEvent, rpc } from '../../lib/rpc'
import { vaultErrorMessage } from './vault-errors'

export type LockReason = BridgeEvents['vault.locked']['reason']

/** Which of the app's top-level screens is showing. Nothing behind "locked" is mounted. */
export type VaultScreen =
  | { name: 'loading' }
  | { name: 'error'; message: string }
  | { name: 'onboarding' }
  | { name: 'locked'; reason: LockReason | null }
  | { name: 'unlocked' }

interface VaultSession {
  screen: VaultScreen
  /** Asks the core again (after an error). */
  refresh(): void
  /** The vault is open and first-run is over: show the app. */
  enter(): void
  /** Locks the vault (the person pressed Lock). */
  lock(): Promise<void>
}

const Context = createContext<VaultSession | null>(null)

export function useVaultSession(): VaultSession {
  const session = useContext(Context)
  if (!session) throw new Error('useVaultSession needs a VaultSessionProvider')
  return session
}

/**
 * Owns the locked/unlocked state of the window. On `vault.locked` (idle, sleep, screen lock or
 * the Lock button) it drops every cached query and unmounts the app, so no content stays in the
 * page, and shows the lock screen.
 */
export function VaultSessionProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const queryClient = useQueryClient()
  const [screen, setScreen] = useState<VaultScreen>({ name: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let cancelled = false
    rpc('vault.status', {}).then(
      ({ state }) => {
        if (cancelled) return
        setScreen((current) => {
          // First run continues through its steps even though the vault is already open.
          if (current.name === 'onboarding') return current
          if (state === 'none') return { name: 'onboarding' }
          if (state === 'locked') return { name: 'locked', reason: null }
          return { name: 'unlocked' }
        })
      },
      (error: unknown) => {
        if (!cancelled) setScreen({ name: 'error', message: vaultErrorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [attempt])

  const wipe = useCallback(() => {
    void queryClient.cancelQueries()
    queryClient.clear()
  }, [queryClient])

  useEffect(
    () =>
      onBridgeEvent('vault.locked', ({ reason }) => {
        wipe()
        // A restore closes the vault only to open the backup in the same call; the screen that
        // asked shows the outcome and checks the vault's state after.
        if (reason !== 'restore') setScreen({ name: 'locked', reason })
      }),
    [wipe],
  )

  const session = useMemo<VaultSession>(
    () => ({
      screen,
      refresh: () => {
        setScreen({ name: 'loading' })
        setAttempt((n) => n + 1)
      },
      enter: () => {
        prefetchDefaultScreen()
        setScreen({ name: 'unlocked' })
      },
      lock: async () => {
        try {
          await rpc('vault.lock', {})
        } finally {
          // Whether or not the event arrives, the window forgets what it showed.
          wipe()
          setScreen({ name: 'locked', reason: 'manual' })
        }
      },
    }),
    [screen, wipe],
  )

  return <Context.Provider value={session}>{children}</Context.Provider>
}
