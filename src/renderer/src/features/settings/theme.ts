import { useEffect } from 'react'
import type { Prefs } from '../../../../shared/prefs'
import { rpc } from '../../lib/rpc'

export type Theme = Prefs['theme']

/**
 * Puts the chosen theme on <html data-theme>. The tokens (styles/tokens.css) force light or dark
 * from that attribute; without it they follow the system, which is what "system" means.
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement
  if (theme === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', theme)
}

/**
 * Applies the theme from preferences once the window starts, before the vault is open:
 * preferences live outside the vault, so the lock screen gets the chosen theme too.
 */
export function useThemeFromPrefs(): void {
  useEffect(() => {
    let cancelled = false
    rpc('prefs.get', {}).then(
      ({ prefs }) => {
        if (!cancelled) applyTheme(prefs.theme)
      },
      () => undefined, // the system's theme stays; nothing else depends on it
    )
    return () => {
      cancelled = true
    }
  }, [])
}
