import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, type E2EApp } from './harness'
import { launchDemoApp } from './launch-vault'
import { shoot } from './shots'

const SIZES = [
  { width: 640, height: 480, layout: 'narrow' },
  { width: 800, height: 600, layout: 'rail' },
  { width: 1366, height: 768, layout: 'wide' },
  { width: 1920, height: 1080, layout: 'wide' },
  { width: 3840, height: 2160, layout: 'wide' },
] as const

/**
 * A 1280×800 window at 200 % zoom: Chromium lays the page out in a 640×400 CSS viewport with two
 * device pixels per CSS pixel, which is what this window is.
 */
const ZOOMED = { width: 640, height: 400, layout: 'narrow', deviceScaleFactor: 2 } as const

/** Every screen in the navigation, by its name there and its heading. */
const SCREENS: ReadonlyArray<{ nav: string; heading: string | RegExp }> = [
  { nav: 'Timeline', heading: 'Your timeline' },
  { nav: 'Overview', heading: /Good (morning|afternoon|evening)/ },
  { nav: 'Next session', heading: 'Next session' },
  { nav: 'Agreements', heading: 'Agreements' },
  { nav: 'Crisis plan', heading: 'Your crisis plan' },
  { nav: 'Settings', heading: 'Settings' },
  { nav: 'Ready to contact?', heading: 'Ready to contact?' },
]

/** Horizontal overflow anywhere: the document, or any element that scrolls sideways. */
const OVERFLOW = `(() => {
  const out = []
  const root = document.scrollingElement
  if (root.scrollWidth > root.clientWidth) out.push('document ' + root.scrollWidth + '>' + root.clientWidth)
  for (const el of document.querySelectorAll('main, main *')) {
    const style = getComputedStyle(el)
    if (!['auto', 'scroll'].includes(style.overflowX)) continue
    if (el.scrollWidth > el.clientWidth + 1) out.push((el.className || el.tagName) + ' ' + el.scrollWidth + '>' + el.clientWidth)
  }
  return out
})()`

/** Timeline rows shown whole: inside both the list's scroll area and the window. */
const WHOLE_ROWS = `(() => {
  const scroller = document.querySelector('.tl-scroll')
  if (!scroller) return 0
  const area = scroller.getBoundingClientRect()
  const top = Math.max(area.top, 0) - 1
  const bottom = Math.min(area.bottom, window.innerHeight) + 1
  return [...scroller.querySelectorAll('article')].filter((row) => {
    const box = row.getBoundingClientRect()
    return box.height > 0 && box.top >= top && box.bottom <= bottom
  }).length
})()`

/** Whether every screen's name fits in the sidebar's list without scrolling it; null without a sidebar. */
const LIST_FITS = `(() => {
  const list = document.querySelector('.sidebar .shell-nav')
  return list ? list.scrollHeight <= list.clientHeight + 1 : null
})()`

/** Text fields that would let Chromium keep what was typed (autofill, a spellchecker's dictionary). */
const LEAKY_FIELDS = `[...document.querySelectorAll('input:not([type=radio]):not([type=checkbox]), textarea')]
  .filter((el) => el.getAttribute('autocomplete') !== 'off' || el.spellcheck !== false)
  .map((el) => el.outerHTML.slice(0, 120))`

async function insideViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox()
  const viewport = page.viewportSize()
  expect(box, `${what} is shown`).not.toBeNull()
  if (!box || !viewport) return
  expect(box.x, `${what} left edge`).toBeGreaterThanOrEqual(0)
  expect(box.y, `${what} top edge`).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, `${what} right edge`).toBeLessThanOrEqual(viewport.width + 0.5)
  expect(box.y + box.height, `${what} bottom edge`).toBeLessThanOrEqual(viewport.height + 0.5)
}

/** Goes to a screen the way a person would in this layout (the menu in the narrow one). */
async function go(page: Page, nav: string, heading: string | RegExp): Promise<void> {
  if (nav === 'Ready to contact?') await page.getByRole('button', { name: 'Ready to contact?' }).click()
  else {
    const menu = page.getByRole('button', { name: 'Menu' })
    if (await menu.isVisible()) await menu.click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: nav, exact: true }).click()
  }
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
}

/** Every screen in the window as it is now: the checks the issue lists. */
async function checkEveryScreen(page: Page, size: { width: number; height: number; layout: string }, label: string): Promise<void> {
  await expect.poll(() => page.locator('.shell').getAttribute('data-layout')).toBe(size.layout)
  for (const screen of SCREENS) {
    await go(page, screen.nav, screen.heading)
    const where = `${screen.nav} at ${label}`
    expect(await page.evaluate<string[]>(OVERFLOW), `sideways scrolling on ${where}`).toEqual([])
    await insideViewport(page, page.getByRole('heading', { level: 1 }), `heading on ${where}`)
    await insideViewport(page, page.getByRole('button', { name: 'Ready to contact?' }).first(), `Ready to contact? on ${where}`)
    await insideViewport(page, page.getByRole('button', { name: /^(I need help now|Help now)$/ }), `the help button on ${where}`)
    // A laptop's window: the whole list of screens in view (a click would scroll a hidden one into view).
    if (size.layout === 'wide') expect(await page.evaluate<boolean | null>(LIST_FITS), `every screen's name in the sidebar at ${label}`).toBe(true)
    if (screen.nav === 'Timeline' && size.height >= 600) {
      await page.locator('.tl-scroll article').first().waitFor()
      // Polled: right after a resize the list is still measuring its rows.
      await expect.poll(() => page.evaluate<number>(WHOLE_ROWS), { message: `whole timeline rows at ${where}` }).toBeGreaterThanOrEqual(5)
    }
    expect(await page.evaluate<string[]>(LEAKY_FIELDS), `fields without autocomplete=off and spellcheck=false on ${where}`).toEqual([])
    await expectNoSeriousA11yViolations(page, { screen: where })
    await shoot(page, `${label.replace(/\W+/g, '-')}-${screen.nav.replace(/\W+/g, '')}`)
  }
}

/**
 * The frame from 640×480 to 4K, on every screen: the layout the width asks for, no sideways
 * scrolling, the heading and the two always-there controls (Ready to contact? and Get help now)
 * inside the window, and no serious accessibility findings.
 */
describe.skipIf(e2eSkipReason())('a window of any size', () => {
  let app: E2EApp

  beforeAll(async () => {
    app = await launchDemoApp()
  })

  afterAll(async () => {
    await app?.close()
  })

  for (const size of SIZES) {
    it(`works at ${size.width}×${size.height} (${size.layout})`, { timeout: 120_000 }, async () => {
      await app.page.setViewportSize({ width: size.width, height: size.height })
      await checkEveryScreen(app.page, size, `${size.width}×${size.height}`)
    })
  }
})

describe.skipIf(e2eSkipReason())('a 1280×800 window at 200 % zoom', () => {
  let app: E2EApp

  beforeAll(async () => {
    app = await launchDemoApp({ viewport: { width: ZOOMED.width, height: ZOOMED.height }, deviceScaleFactor: ZOOMED.deviceScaleFactor })
  })

  afterAll(async () => {
    await app?.close()
  })

  it('works in its 640×400 CSS viewport at two device pixels per CSS pixel', { timeout: 120_000 }, async () => {
    expect(await app.page.evaluate(() => [window.innerWidth, window.innerHeight, window.devicePixelRatio])).toEqual([640, 400, 2])
    await checkEveryScreen(app.page, ZOOMED, '1280×800 at 200 %')
    // The page is taller than the window: scrolled, its header moves away and the list fills the window.
    await go(app.page, 'Timeline', 'Your timeline')
    await app.page.locator('.tl-scroll article').first().waitFor()
    await app.page.locator('.shell__main').evaluate((main) => main.scrollTo(0, main.scrollHeight))
    await expect.poll(() => app.page.evaluate<number>(WHOLE_ROWS), { message: 'whole timeline rows at 200 % zoom, page scrolled' }).toBeGreaterThanOrEqual(3)
  })
})
