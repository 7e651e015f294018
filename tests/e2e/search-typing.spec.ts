import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commitWith } from '../../src/main/core/db/channel-call'
import { expectNoSeriousA11yViolations } from './axe'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'
import { seedLargeVault } from './seed-large'
import { shootSmallLightLargeDark } from './shots'

const PASSPHRASE = 'typing fast passphrase'
/** Each search answer leaves the core this much later (a slow machine), so typing outruns the answers. */
const SLOW_MS = 150

/**
 * Watches the page from inside: in every frame drawn, the hits a person can see must be the
 * answer for exactly the text in the box, each with a match of it marked. Records what it saw in
 * window.__searchWatch.
 */
const WATCH = `(() => {
  const watch = { checks: 0, stale: [] }
  const check = () => {
    const input = document.querySelector('input[type="search"]')
    const section = document.querySelector('.search-results')
    const hits = [...document.querySelectorAll('.search-results .search-hit')].filter((hit) => getComputedStyle(hit).visibility !== 'hidden')
    if (!input || !section || hits.length === 0) return
    watch.checks++
    const text = input.value.trim().toLowerCase()
    const answered = section.getAttribute('data-query')
    const unmarked = hits.filter((hit) => ![...hit.querySelectorAll('mark')].some((m) => m.textContent.toLowerCase().startsWith(text)))
    if (answered === null || answered.toLowerCase() !== text || unmarked.length > 0) {
      watch.stale.push({ box: text, answered, hits: hits.length, unmarked: unmarked.length })
    }
  }
  // Every frame, as it is drawn (a Web Animation's ready: the harness fakes requestAnimationFrame).
  const frame = () => document.body.animate([{ opacity: 1 }, { opacity: 1 }], 1).ready.then(() => {
    check()
    frame()
  })
  frame()
  window.__searchWatch = watch
})()`

interface Watch {
  checks: number
  stale: Array<{ box: string; answered: string | null; hits: number; unmarked: number }>
}

/** Search as you type, typed quickly against a slow core: results never stand for older text. */
describe.skipIf(e2eSkipReason())('search while typing quickly', () => {
  let app: E2EApp
  const asked: string[] = []
  let slowMs = SLOW_MS

  beforeAll(async () => {
    app = await launchApp({
      beforeLoad: async ({ invoke, core, clock }) => {
        await invoke('vault.create', { passphrase: PASSPHRASE })
        seedLargeVault(core, 3_000, clock.now())
      },
    })
    app.page.setDefaultTimeout(10_000)
    // The real search, answered later (mocks only at the boundary: the core itself is untouched).
    const handlers = app.handlers as unknown as Record<string, (input: unknown) => unknown>
    const search = handlers['search.query'] as (input: unknown) => unknown
    // A handler that waits ends with a commit (dispatch runs it in the call's savepoint).
    handlers['search.query'] = async (input) => {
      asked.push((input as { query: string }).query)
      await new Promise((done) => setTimeout(done, slowMs))
      return commitWith(() => search(input))
    }
    await app.page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
    await app.page.getByRole('feed', { name: 'Timeline entries' }).getByRole('article').first().waitFor()
    await app.page.evaluate(WATCH)
  })

  afterAll(async () => {
    await app?.close()
  })

  const box = () => app.page.getByRole('searchbox', { name: 'Search everything' })
  const results = () => app.page.getByRole('region', { name: 'Search results' })
  const watched = () => app.page.evaluate(() => (window as unknown as { __searchWatch: Watch }).__searchWatch)
  const settledOn = async (text: string) => {
    await expect.poll(() => results().getAttribute('data-query'), { timeout: 10_000 }).toBe(text)
    await results().getByRole('button', { name: /Reflection|Session|Contact|Draft/ }).first().waitFor()
  }

  it('keeps every key, shows only the answer for the text in the box, and skips the texts typed past', async () => {
    const { page } = app
    await box().click()
    asked.length = 0
    await page.keyboard.type('boundaries', { delay: 0 })
    expect(await box().inputValue()).toBe('boundaries')
    await settledOn('boundaries')
    // One search at a time: the keys typed while one ran were never sent.
    expect(asked.at(-1)).toBe('boundaries')
    expect(asked.length).toBeLessThan('boundaries'.length)

    // Back over it and on to another word, quickly.
    asked.length = 0
    for (let i = 0; i < 'boundaries'.length - 2; i++) await page.keyboard.press('Backspace', { delay: 0 })
    expect(await box().inputValue()).toBe('bo')
    await settledOn('bo')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('kitchen', { delay: 5 })
    await settledOn('kitchen')
    expect(asked.at(-1)).toBe('kitchen')

    const watch = await watched()
    expect(watch.checks).toBeGreaterThan(0)
    expect(watch.stale).toEqual([])
  })

  it('says it is searching while the answer for the new text is on its way', async () => {
    const { page } = app
    await box().fill('')
    await box().click()
    await page.keyboard.type('qui', { delay: 0 })
    await settledOn('qui')
    slowMs = 3_000 // long enough to look at the page while the answer is on its way
    // Reduced motion (the harness asks for it): hiding and swapping the hits starts no CSS
    // transition (a near-zero one on every property cost style and layout for every element).
    await page.evaluate(() => {
      const counted = window as unknown as { __transitions: number }
      counted.__transitions = 0
      document.addEventListener('transitionrun', () => counted.__transitions++, true)
    })
    await page.keyboard.type('e')
    // The previous hits are hidden (so out of reach: not focusable, not read) until "quie"'s answer.
    await expect.poll(() => results().getAttribute('aria-busy'), { timeout: 10_000 }).toBe('true')
    expect(await results().getByRole('status').innerText()).toBe('Searching…')
    const hidden = await results().evaluate((section) => {
      const body = section.querySelector<HTMLElement>('.search-results__body')
      const hits = section.querySelectorAll('.search-hit')
      return { hits: hits.length, inside: [...hits].every((hit) => body?.contains(hit)), visibility: body && getComputedStyle(body).visibility }
    })
    expect(hidden).toEqual({ hits: 50, inside: true, visibility: 'hidden' })
    expect(await results().getByRole('button', { name: /Reflection|Session|Contact|Draft/ }).count()).toBe(0)
    await expectNoSeriousA11yViolations(page, { screen: 'search, answer on its way' })
    await shootSmallLightLargeDark(page, 'search-searching')
    await settledOn('quie')
    slowMs = SLOW_MS
    expect(await results().getAttribute('aria-busy')).toBe('false')
    expect((await watched()).stale).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __transitions: number }).__transitions)).toBe(0)
  })

  it('reaches every hit by keyboard though hits out of view are not drawn, and keeps the box its own size', async () => {
    const { page } = app
    await box().fill('')
    await box().click()
    await page.keyboard.type('garden', { delay: 0 })
    await settledOn('garden')
    const hits = results().getByRole('button', { name: /Reflection|Session|Contact|Draft/ })
    expect(await hits.count()).toBe(50)
    // Hits out of view skip rendering (content-visibility) but stay in the page, named and reachable.
    const drawn = () => results().evaluate((section) => [...section.querySelectorAll('.search-hit__snippet')].map((snippet) => snippet.checkVisibility({ contentVisibilityAuto: true })))
    const before = await drawn()
    expect(before[0]).toBe(true)
    expect(before.at(-1)).toBe(false)
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('search-hit'))).toBe(true)
    for (let i = 1; i < 50; i++) await page.keyboard.press('ArrowDown')
    const last = hits.last()
    await expect.poll(() => last.evaluate((hit) => hit === document.activeElement)).toBe(true)
    await expect.poll(async () => (await drawn()).at(-1)).toBe(true)
    const [area, hit] = await Promise.all([results().boundingBox(), last.boundingBox()])
    expect(hit && area && hit.y >= area.y - 1 && hit.y + hit.height <= area.y + area.height + 1).toBe(true)
    expect(await last.innerText()).toMatch(/garden/i)
    await expectNoSeriousA11yViolations(page, { screen: 'search, last hit focused' })
    // The box is laid out on its own (a key typed lays out nothing around it) and has the height
    // of the other controls, with nothing added under it.
    const sizes = await page.evaluate(() => {
      const height = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().height
      return { box: height('.tl-search__input'), form: height('.tl-search'), button: height('.timeline-toolbar .btn') }
    })
    expect(sizes.form).toBe(sizes.box)
    expect(sizes.box).toBe(sizes.button)
  })
})
