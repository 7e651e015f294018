import { useEffect } from 'react'
import { rpc } from './rpc'

/** Main's idle timer has minute resolution: one ping per 15 s is plenty (see contracts/ui.ts). */
export const ACTIVITY_THROTTLE_MS = 15_000

const EVENTS = ['pointerdown', 'pointermove', 'wheel', 'touchstart'] as const

/**
 * Tells main the person is using the window (pointer, wheel, touch), throttled, so the idle lock
 * measures real use. Keys are seen by main directly. Carries nothing but the fact of activity.
 */
export function useActivityPings(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let last = 0
    const ping = (): void => {
      const now = Date.now()
      if (now - last < ACTIVITY_THROTTLE_MS) return
      last = now
      void rpc('ui.activity', {}).catch(() => undefined)
    }
    for (const event of EVENTS) window.addEventListener(event, ping, { passive: true, capture: true })
    return () => {
      for (const event of EVENTS) window.removeEventListener(event, ping, { capture: true })
    }
  }, [enabled])
}

/**
 * Counts as activity every 30 s while mounted. Only for the first-run recovery key steps (the
 * vault is new and empty then, and an idle lock there would lose the key for good: it is shown
 * once, while the person is copying it out by hand) and while a re-encryption under a new key
 * runs (the window can read nothing meanwhile, and a lock would only lose its outcome; the idle
 * time counts again from its end).
 */
export function useKeepVaultOpen(): void {
  useEffect(() => {
    const ping = (): void => void rpc('ui.activity', {}).catch(() => undefined)
    ping()
    const timer = window.setInterval(ping, 30_000)
    return () => window.clearInterval(timer)
  }, [])
}
