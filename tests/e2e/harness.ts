/**
 * End-to-end harness: the BUILT renderer (out/renderer) in Debian's Chromium, talking to the REAL
 * core on a temp vault. Only the transport differs from the app: `window.bridge.invoke` goes
 * through `page.exposeBinding` to the same `dispatch` over the same `createHandlers(core)`, and the
 * core's EventSink pushes `vault.locked` / `data.changed` into the page's listeners.
 *
 *   const app = await launchApp({ now: Date.UTC(2026, 2, 10, 9, 30) })
 *   await app.page.getByRole('button', { name: 'Set up Between' }).click()
 *   await app.clock.advance(5 * 60_000) // both the core's clock and the page's
 *   await app.close()
 *
 * The build is a separate step (`npx electron-vite build`); the harness only serves it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { BridgeEventName, BridgeEvents } from '../../src/shared/ipc/bridge'
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract'
import type { RpcResult } from '../../src/shared/ipc/result'
import { RPC_EVENT, type PushMessage } from '../../src/shared/ipc/transport'
import { createCore, type Core, type CoreOptions, type LockReason } from '../../src/main/core'
import { createAutoLock, type AutoLock } from '../../src/main/core/lock/auto-lock'
import type { Clock, EventSink, KdfCost } from '../../src/main/core/ports'
import { createMemoryPrefsStore } from '../../src/main/core/prefs/prefs-store'
import type { ShellPort } from '../../src/main/core/shell/shell-port'
import { createClipboardGuard } from '../../src/main/electron/clipboard'
import { createLockController, withLockAftermath, type LockController, type LockWindowContents } from '../../src/main/electron/lock'
import { createWindowEventSink } from '../../src/main/electron/register-rpc'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import type { Prefs } from '../../src/shared/prefs'
import { watchWindowHealth, type WindowHealth } from './window-health'
import { testJobs } from '../helpers/test-jobs'

export const CHROMIUM_PATH = process.env.BETWEEN_CHROMIUM ?? '/usr/bin/chromium'
export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url))

/** Argon2id cost for tests only (production calibrates to >= 64 MiB, t >= 3). */
export const E2E_KDF: KdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 }

/** A Tuesday morning in March, London time: the default "now" on both sides. */
export const DEFAULT_NOW = Date.UTC(2026, 2, 10, 9, 30)

/** The production Content-Security-Policy (the same as the app's protocol handler sends). */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self'"

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

let skipReasonPrinted = false

/**
 * Why the e2e suite cannot run here, or null when it can. Prints the reason once, so a skipped
 * suite says why: `describe.skipIf(e2eSkipReason())('…', …)`.
 */
export function e2eSkipReason(): string | null {
  const reason = existsSync(CHROMIUM_PATH)
    ? null
    : `e2e skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set BETWEEN_CHROMIUM)`
  if (reason && !skipReasonPrinted) {
    skipReasonPrinted = true
    console.warn(reason)
  }
  return reason
}

// ---------------------------------------------------------------------------------------------
// Static server

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

export interface StaticServer {
  origin: string
  close(): Promise<void>
}

/** Serves `root` on 127.0.0.1 at an ephemeral port, with the production CSP on every response. */
export async function serveStatic(root: string = RENDERER_DIR): Promise<StaticServer> {
  const base = resolve(root)
  const server: Server = createServer((request, response) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end()
      return
    }
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    } catch {
      response.writeHead(400, headers).end()
      return
    }
    if (pathname.endsWith('/')) pathname += 'index.html'
    const file = normalize(join(base, pathname))
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'
    const body = readFileSync(file)
    response.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length })
    response.end(request.method === 'HEAD' ? undefined : body)
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => done())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

// ---------------------------------------------------------------------------------------------
// Browser

/**
 * Starting Chromium costs about a second; a fresh context in a running one about a tenth of that,
 * and is as isolated (its own storage, clock, viewport, locale and zone). A test file keeps one
 * browser for all its launches (`keepBrowserOpen()` in the window suite's setup file, closed after
 * the file); scripts and benches that do not ask get a browser of their own, closed with the app.
 */
let keptBrowser: { browser: Promise<Browser> | null } | null = null

export function keepBrowserOpen(): void {
  keptBrowser ??= { browser: null }
}

export async function closeKeptBrowser(): Promise<void> {
  const browser = keptBrowser?.browser
  keptBrowser = null
  if (browser) await (await browser).close()
}

function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

async function openBrowser(): Promise<Browser> {
  if (!keptBrowser) return launchBrowser()
  const kept = keptBrowser
  kept.browser ??= launchBrowser().then((browser) => {
    browser.once('disconnected', () => {
      if (kept.browser) kept.browser = null
    })
    return browser
  })
  return kept.browser
}

// ---------------------------------------------------------------------------------------------
// Clock

/**
 * One "now" for both sides: the core's Clock and the page's `page.clock`. Time flows naturally.
 * Main's interval timers (the idle lock's poll) run on this clock too, and only when it is advanced.
 */
export interface E2EClock extends Clock {
  /**
   * Moves both clocks forward. Main's intervals fire at each of their periods on the way (so a
   * long advance does not look like the machine slept); the page runs the timers that fall due.
   */
  advance(ms: number): Promise<void>
  /** Jumps both clocks to `ms` (epoch milliseconds) without running timers. */
  set(ms: number): Promise<void>
}

/** setInterval/clearInterval for main-side code, fired only by E2EClock.advance. */
export interface ManualTimers {
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

function createClock(start: number, page: () => Page | null): E2EClock & { timers: ManualTimers } {
  // Offset from the real clock, so the core's time flows like the page's does after install().
  let offset = start - Date.now()
  const intervals = new Map<number, { callback: () => void; ms: number; due: number }>()
  let nextHandle = 1
  const now = (): number => Date.now() + offset
  return {
    now,
    timers: {
      setInterval(callback, ms) {
        const handle = nextHandle++
        intervals.set(handle, { callback, ms, due: now() + ms })
        return handle
      },
      clearInterval: (handle) => void intervals.delete(handle as number),
    },
    async advance(ms) {
      // Step from one main-side interval to the next, moving the page along in the same steps,
      // so the page's timers (activity pings, say) and main's (the idle poll) interleave as in
      // the app.
      const target = now() + ms
      const movePage = async (delta: number): Promise<void> => {
        const p = page()
        if (p && delta > 0) await p.clock.fastForward(Math.round(delta))
      }
      for (;;) {
        const next = [...intervals.values()].sort((a, b) => a.due - b.due)[0]
        if (!next || next.due > target) break
        const delta = Math.max(0, next.due - now())
        offset += delta
        await movePage(delta)
        next.due += next.ms
        next.callback()
      }
      const rest = Math.max(0, target - now())
      offset += rest
      await movePage(rest)
      // The page's clock stands still while it fast-forwards; catch it up with the core's.
      const p = page()
      if (p) {
        const behind = now() - (await p.evaluate(() => Date.now()))
        if (behind > 0) await p.clock.fastForward(Math.round(behind))
      }
    },
    async set(ms) {
      offset = ms - Date.now()
      const p = page()
      if (p) await p.clock.setSystemTime(ms)
    },
  }
}

// ---------------------------------------------------------------------------------------------
// The app

export interface LaunchOptions {
  /** The vault folder; a fresh temp folder (removed on close) when omitted. */
  dataDir?: string
  /** Epoch milliseconds or a Date: "now" on both sides. Defaults to DEFAULT_NOW. */
  now?: number | Date
  kdfCost?: KdfCost
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
  /** Device pixels per CSS pixel: 2 with a halved viewport is how Chromium lays out a 200 % zoom. */
  deviceScaleFactor?: number
  locale?: string
  timezoneId?: string
  /** Preferences to start with (memory only; e.g. { lockTimeoutMinutes: 5 }). */
  prefs?: Partial<Prefs>
  /** More createCore options (dialogs, pdfRenderer, importOptions …) for feature specs. */
  core?: Partial<Omit<CoreOptions, 'dataDir' | 'clock' | 'events' | 'kdfCost' | 'prefs' | 'shell'>>
  /** Runs against the core before the page loads (seed data, create a vault …). */
  beforeLoad?: (app: { core: Core; invoke: E2EApp['invoke']; clock: E2EClock }) => Promise<void> | void
}

/** What the app shell did for the core, recorded instead of touching the OS. */
export interface E2EShell {
  /** The system clipboard as the app would leave it ('' when cleared). */
  clipboard: string
  /** URLs handed to the OS (shell.openExternal). */
  opened: string[]
  /** How many `ui.activity` pings arrived. */
  activity: number
  /** Tokens the renderer answered `ui.flush` with. */
  flushed: string[]
}

export interface E2EApp {
  page: Page
  context: BrowserContext
  core: Core
  handlers: Handlers
  clock: E2EClock
  dataDir: string
  origin: string
  /** Calls a channel the way the renderer does (through dispatch), for seeding and checks. */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  /** Every push event sent to the page, in order (the core's and the lock's `ui.flush`). */
  events: Array<{ event: BridgeEventName; payload: unknown }>
  /** The app shell's effects, recorded. */
  shell: E2EShell
  /**
   * Locks the way the app does (src/main/electron/lock.ts): `ui.flush` to the page and wait for
   * `ui.flushed` (500 ms at most), core.lock(reason), clear the clipboard if it holds Between's
   * text, then restart the renderer (here: reload the page). Resolves when the page has reloaded.
   */
  lock(reason: LockReason): Promise<void>
  /**
   * The app's idle lock (src/main/core/lock/auto-lock.ts) runs on the shared clock: its poll
   * fires as `clock.advance` passes it. This checks once more now and waits for any lock it
   * started (flush, lock, page reload): `await app.clock.advance(6 * 60_000); await app.idleTick()`.
   */
  idleTick(): Promise<void>
  autoLock: AutoLock
  /** Pushes one event to the page as main would, with no side effects (no lock, no reload). */
  push<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): Promise<void>
  /** Uncaught page errors and console errors (CSP violations show up here). */
  pageErrors: string[]
  /** The window-health check (tests/helpers/window-health.ts); launchApp asserts it once the page has loaded. */
  health: WindowHealth
  /** Requests to anything but our own origin: always blocked, recorded here (should stay empty). */
  blockedRequests: string[]
  /** Resolves when every event pushed so far has been delivered (and any lock reload is done). */
  eventsDelivered(): Promise<void>
  /** Reloads the page (the core and vault stay as they are). */
  reload(): Promise<void>
  close(): Promise<void>
}

const INIT_SCRIPT = `(() => {
  const listeners = new Map()
  Object.defineProperty(window, '__betweenEmit', {
    value: (event, payload) => {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try { listener(payload) } catch (error) { queueMicrotask(() => { throw error }) }
      }
    },
  })
  const bridge = Object.freeze({
    invoke: (channel, input) => window.__betweenInvoke(channel, input).then((text) => JSON.parse(text)),
    on: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event).add(listener)
      return () => { listeners.get(event)?.delete(listener) }
    },
  })
  Object.defineProperty(window, 'bridge', { value: bridge, enumerable: true })
})()`

export async function launchApp(options: LaunchOptions = {}): Promise<E2EApp> {
  const reason = e2eSkipReason()
  if (reason) throw new Error(reason)
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No renderer build at ${RENDERER_DIR}: run \`npx electron-vite build\` before the e2e suite.`)
  }

  const cleanups: Array<() => Promise<void> | void> = []
  const cleanup = async (): Promise<void> => {
    for (const step of cleanups.reverse()) {
      try {
        await step()
      } catch (error) {
        console.warn('e2e cleanup:', error instanceof Error ? error.message : error)
      }
    }
  }

  try {
    const start = options.now === undefined ? DEFAULT_NOW : +options.now
    let currentPage: Page | null = null
    const clock = createClock(start, () => currentPage)

    // The core, on a temp vault, pushing events into the page.
    const ownDataDir = options.dataDir === undefined
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'between-e2e-vault-'))
    if (ownDataDir) cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))

    // The page as the app's main process sees its window: push events on RPC_EVENT, reload.
    const events: E2EApp['events'] = []
    let delivery: Promise<void> = Promise.resolve()
    const enqueue = (step: (page: Page) => Promise<unknown>): void => {
      const page = currentPage
      if (!page) return
      delivery = delivery.then(() => step(page)).then(
        () => undefined,
        () => undefined,
      )
    }
    const contents: LockWindowContents = {
      isDestroyed: () => !currentPage || currentPage.isClosed(),
      send(channel: string, message: unknown) {
        if (channel !== RPC_EVENT) return
        const { event, payload } = message as PushMessage
        events.push({ event: event as BridgeEventName, payload })
        enqueue((page) =>
          page.evaluate(
            ([e, p]) => (globalThis as unknown as { __betweenEmit?: (e: string, p: unknown) => void }).__betweenEmit?.(e, p),
            [event, payload] as const,
          ),
        )
      },
      // A page cannot be crashed and reloaded from Playwright; a reload gives a fresh document.
      forcefullyCrashRenderer: () => undefined,
      reload: () => enqueue((page) => page.reload({ waitUntil: 'load' })),
    }

    // The app shell's effects, recorded; the clipboard guarded as in the app.
    const shell: E2EShell = { clipboard: '', opened: [], activity: 0, flushed: [] }
    const clipboardGuard = createClipboardGuard({
      writeText: async (text) => void (shell.clipboard = text),
      readText: async () => shell.clipboard,
      clear: () => void (shell.clipboard = ''),
    })
    let lockController: LockController | null = null
    let autoLock: AutoLock | null = null
    const shellPort: ShellPort = {
      openExternal: async (url) => void shell.opened.push(url),
      writeClipboard: (text) => clipboardGuard.write(text),
      activity: () => {
        shell.activity++
        autoLock?.activity()
      },
      flushed: (token) => {
        shell.flushed.push(token)
        lockController?.flushed(token)
      },
    }
    const prefs = createMemoryPrefsStore(options.prefs)

    const sink: EventSink = withLockAftermath(createWindowEventSink(() => contents), {
      afterLocked: (reason) => lockController?.afterLocked(reason),
    })
    const core = createCore({
      jobs: testJobs(),
      ...options.core,
      dataDir,
      clock,
      events: sink,
      kdfCost: options.kdfCost ?? E2E_KDF,
      prefs,
      shell: shellPort,
    })
    cleanups.push(() => {
      currentPage = null
      core.close()
    })
    lockController = createLockController({ core, getContents: () => contents, clipboard: clipboardGuard })
    const lock = lockController
    let pendingLock: Promise<void> = Promise.resolve()
    const idle = createAutoLock({
      clock,
      timers: clock.timers,
      lockTimeoutMinutes: () => prefs.get().lockTimeoutMinutes,
      lock: (reason) => void (pendingLock = lock.lock(reason)),
    })
    autoLock = idle
    idle.start()
    const handlers = createHandlers(core)
    const invoke = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const result = (await dispatch(handlers, channel, input)) as RpcResult<ChannelOutput<C>>
      if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.code}`), { rpcError: result.error })
      return result.value
    }
    // The renderer, served like the app serves it, in a fresh context and page, made while
    // beforeLoad seeds the core: the page loads only once both are done.
    const openPage = async () => {
      const server = await serveStatic()
      cleanups.push(() => server.close())

      const browser = await openBrowser()
      if (!keptBrowser) cleanups.push(() => browser.close())
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 860 },
        deviceScaleFactor: options.deviceScaleFactor ?? 1,
        locale: options.locale ?? 'en-GB',
        timezoneId: options.timezoneId ?? 'Europe/London',
        colorScheme: options.colorScheme ?? 'light',
        reducedMotion: 'reduce',
        serviceWorkers: 'block',
        acceptDownloads: true,
      })
      cleanups.push(() => context.close())

      // Promise 2 (no network): anything but our own origin is blocked and recorded.
      const blockedRequests: string[] = []
      await context.route(
        (url) => url.origin !== server.origin,
        (route) => {
          blockedRequests.push(route.request().url())
          return route.abort('blockedbyclient')
        },
      )

      await context.clock.install({ time: start })

      const page = await context.newPage()
      const health = await watchWindowHealth(page, { origin: server.origin })

      // The result crosses as JSON text (parsed by INIT_SCRIPT's invoke): Playwright's own encoding
      // of a returned object cost about half a second per timeline page of 500 entries, JSON a few
      // milliseconds. Every output is plain data checked by the contract's schemas (no dates, bytes
      // or non-finite numbers), so the page gets the objects Electron's IPC would give it.
      await page.exposeBinding('__betweenInvoke', async (source, channel: unknown, input: unknown) => {
        // The app's sender check: only our own top frame may call.
        if (source.frame !== source.page.mainFrame() || new URL(source.frame.url()).origin !== server.origin) {
          return JSON.stringify({ ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'Untrusted sender.' } })
        }
        return JSON.stringify(await dispatch(handlers, channel, input))
      })
      await page.addInitScript(INIT_SCRIPT)
      return { server, context, page, health, blockedRequests }
    }
    // Both to the end, whichever fails, so the cleanups see everything either made.
    const [opened, seeded] = await Promise.allSettled([openPage(), (async () => options.beforeLoad?.({ core, invoke, clock }))()])
    if (seeded.status === 'rejected') throw seeded.reason
    if (opened.status === 'rejected') throw opened.reason
    const { server, context, page, health, blockedRequests } = opened.value
    // A lock in beforeLoad restarts the renderer a turn later (lock.ts defers it): that restart
    // finds no page yet, as it did when the page was made after beforeLoad.
    await new Promise((done) => setImmediate(done))
    currentPage = page
    const pageErrors = health.errors
    await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' })
    // A working window, not a blank one: rendered, no errors, no failed request, no crash.
    await health.assertHealthy()

    // Everything queued so far (events, a lock's deferred reload), including what it queues.
    const settle = async (): Promise<void> => {
      for (;;) {
        await pendingLock
        await new Promise((done) => setImmediate(done))
        const pending = delivery
        await pending
        if (pending === delivery) return
      }
    }

    return {
      page,
      context,
      core,
      handlers,
      clock,
      dataDir,
      origin: server.origin,
      invoke,
      events,
      shell,
      pageErrors,
      health,
      blockedRequests,
      lock: async (reason) => {
        await lock.lock(reason)
        await settle()
      },
      idleTick: async () => {
        idle.tick()
        await settle()
      },
      autoLock: idle,
      push: async (event, payload) => {
        contents.send(RPC_EVENT, { event, payload } satisfies PushMessage)
        await settle()
      },
      eventsDelivered: settle,
      reload: async () => {
        await page.reload({ waitUntil: 'load' })
      },
      close: cleanup,
    }
  } catch (error) {
    await cleanup()
    throw error
  }
}
