import { useLayoutEffect, useState, type RefObject } from 'react'

export type ShellLayout = 'wide' | 'rail' | 'narrow'

/** Container widths (CSS px) where the shell changes shape: below RAIL_AT a top bar. */
export const RAIL_AT = 720
export const WIDE_AT = 1100

export const layoutFor = (width: number): ShellLayout => (width >= WIDE_AT ? 'wide' : width >= RAIL_AT ? 'rail' : 'narrow')

/**
 * The shell's layout from the width of its own container (not the device or the window), so it
 * follows zoom and any embedding: wide shows the sidebar, rail an icon rail, narrow a top bar.
 */
export function useShellLayout(ref: RefObject<HTMLElement | null>): ShellLayout {
  const [layout, setLayout] = useState<ShellLayout>(() => layoutFor(window.innerWidth))
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setLayout(layoutFor(el.getBoundingClientRect().width))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return layout
}
