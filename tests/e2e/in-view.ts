import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** The two window sizes every screen a change touches is checked at. */
export const CHECKED_SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
] as const
export type CheckedSize = (typeof CHECKED_SIZES)[number]
export type Theme = 'light' | 'dark'

interface InViewOptions {
  /** Also the bottom edge inside the window (not only the sides). */
  wholeHeight?: boolean
  /** Takes a picture; called once per size and theme, after the geometry was checked. */
  picture?: (size: CheckedSize, theme: Theme) => Promise<void>
}

/** At 800×600 and 1280×800: `target`, scrolled into view, lies inside the window; then its pictures, light and dark. */
export async function expectInViewAtBothSizes(page: Page, target: Locator, { wholeHeight = false, picture }: InViewOptions = {}): Promise<void> {
  for (const size of CHECKED_SIZES) {
    await page.setViewportSize(size)
    await target.scrollIntoViewIfNeeded()
    const box = await target.boundingBox()
    expect(box).not.toBeNull()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(size.width)
    if (wholeHeight) expect(box!.y + box!.height).toBeLessThanOrEqual(size.height)
    if (!picture) continue
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme })
      await picture(size, theme)
    }
  }
}
