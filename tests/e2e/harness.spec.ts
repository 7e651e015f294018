import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Bridge } from '../../src/shared/ipc/bridge'
import { CSP, DEFAULT_NOW, e2eSkipReason, launchApp, type E2EApp } from './harness'

/** The page's globals this file touches (the node tsconfig has no DOM types). */
type PageGlobals = { bridge?: Bridge; seen: unknown[] }

/** The harness itself: what it serves, the bridge, the clocks, events and the network guard. */
describe.skipIf(e2eSkipReason())('e2e harness', () => {
  let app: E2EApp

  beforeAll(async () => {
    app = await launchApp({ now: DEFAULT_NOW })
  })

  afterAll(async () => {
    await app?.close()
  })

  it('serves the build with the production CSP and correct MIME types, and nothing outside it', async () => {
    const index = await fetch(`${app.origin}/index.html`)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toBe(CSP)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(await index.text())?.[1]
    expect(script).toBeTruthy()
    const js = await fetch(`${app.origin}/${script}`)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await fetch(`${app.origin}/..%2f..%2fpackage.json`)).status).toBe(404)
    expect((await fetch(`${app.origin}/assets/../../package.json`)).status).toBe(404)
    expect((await fetch(`${app.origin}/index.html`, { method: 'POST' })).status).toBe(405)
  })

  it('injects window.bridge before the app runs, routed to dispatch over the real core', async () => {
    const result = await app.page.evaluate(() => (globalThis as unknown as PageGlobals).bridge?.invoke('vault.status', {}))
    expect(result).toEqual({ ok: true, value: { state: 'none' } })
    const bad = await app.page.evaluate(() => (globalThis as unknown as PageGlobals).bridge?.invoke('no.such.channel', {}))
    expect(bad).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it('one "now" for the core and the page, moved together', async () => {
    // Both clocks flow with real time from when each was set, so they differ by the seconds a
    // loaded machine takes between two reads; the jumps checked are hours.
    const SAME_NOW = 30_000
    const pageNow = await app.page.evaluate(() => Date.now())
    expect(Math.abs(pageNow - DEFAULT_NOW)).toBeLessThan(60_000)
    expect(Math.abs(app.clock.now() - pageNow)).toBeLessThan(SAME_NOW)
    await app.clock.advance(3 * 60 * 60_000)
    const later = await app.page.evaluate(() => Date.now())
    expect(later - pageNow).toBeGreaterThanOrEqual(3 * 60 * 60_000)
    expect(Math.abs(app.clock.now() - later)).toBeLessThan(SAME_NOW)
    await app.clock.set(DEFAULT_NOW)
    expect(Math.abs((await app.page.evaluate(() => Date.now())) - DEFAULT_NOW)).toBeLessThan(SAME_NOW)
  })

  it('pushes core events into the page listeners', async () => {
    await app.page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals
      w.seen = []
      w.bridge?.on('data.changed', (payload) => w.seen.push(payload))
    })
    await app.invoke('vault.create', { passphrase: 'quiet lantern orchard velvet' })
    await app.invoke('therapists.create', { name: 'Dr Amara Rao', timeZone: 'Europe/London' })
    await app.eventsDelivered()
    const seen = await app.page.evaluate(() => (globalThis as unknown as PageGlobals).seen)
    expect(seen).toContainEqual({ tables: ['therapists'] })
  })

  it('blocks and records any request that leaves 127.0.0.1', async () => {
    const outcome = await app.page.evaluate(() =>
      fetch('https://example.com/ping').then(
        () => 'reached',
        () => 'blocked',
      ),
    )
    expect(outcome).toBe('blocked')
    // The page's CSP (connect-src 'self') stops it before the network guard sees it, or the
    // guard does: either way nothing leaves.
    expect(app.blockedRequests.every((url) => url.startsWith('https://example.com'))).toBe(true)
    app.pageErrors.length = 0
  })
})
