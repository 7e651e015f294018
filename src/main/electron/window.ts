import { BrowserWindow, session, type Rectangle, type Session, type WebContents } from 'electron'
import type { WindowBounds } from '../../shared/prefs'
import type { Logger } from '../core/ports'
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './protocol'

/**
 * A window that cannot be turned against its user: sandboxed, isolated, no Node, no network,
 * no permissions, no navigation, no new windows, no webviews, no downloads, no spellchecker.
 */

/**
 * The window's session. No `persist:` prefix: an in-memory session, so nothing the renderer
 * caches (HTTP cache, code cache, localStorage, IndexedDB) is ever written to disk.
 */
export const APP_PARTITION = 'between'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The `electron-vite dev` server's origin, trusted only in an unpackaged run and only when it
 * is plain http on a loopback address; null otherwise (always null in a packaged app).
 */
export function devServerOrigin(isPackaged: boolean, rendererUrl: string | undefined): string | null {
  if (isPackaged || !rendererUrl) return null
  let url: URL
  try {
    url = new URL(rendererUrl)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '') return null
  return url.origin
}

/** Which requests a session lets through: our bundle, in-page data, and nothing from a network. */
export function isRequestAllowed(rawUrl: string, devOrigin: string | null = null): boolean {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return false
  }
  switch (url.protocol) {
    case `${APP_SCHEME}:`:
      return url.host === APP_HOST && url.username === '' && url.password === ''
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true
    case 'http:':
    case 'ws:': {
      if (devOrigin === null) return false
      const dev = new URL(devOrigin)
      return url.host === dev.host && url.username === '' && (url.protocol === 'ws:' || url.protocol === dev.protocol)
    }
    default:
      // https:, wss:, ftp:, file:, chrome:, and anything else.
      return false
  }
}

export interface HardenOptions {
  logger?: Logger
  /** `electron-vite dev` only: the loopback dev server, http + ws to exactly that host. */
  devOrigin?: string | null
}

const hardened = new WeakSet<Session>()

/** Denies every permission and device, cancels every network request, turns off spellcheck. */
export function hardenSession(ses: Session, options: HardenOptions = {}): void {
  if (hardened.has(ses)) return
  hardened.add(ses)
  const devOrigin = options.devOrigin ?? null
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    options.logger?.warn('PERMISSION_DENIED', { permission })
    callback(false)
  })
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null))
  ses.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }))
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, devOrigin)
    if (!allowed) options.logger?.warn('REQUEST_BLOCKED', { resourceType: details.resourceType })
    callback({ cancel: !allowed })
  })
  ses.setSpellCheckerEnabled(false)
  // Even if a spellchecker were switched on, never fetch dictionaries from the network.
  ses.setSpellCheckerDictionaryDownloadURL(`${APP_SCHEME}://${APP_HOST}/no-dictionaries/`)
  ses.on('will-download', (event) => {
    // Exports are written by main after a save dialog, never downloaded by the page.
    event.preventDefault()
    options.logger?.warn('DOWNLOAD_BLOCKED')
  })
}

/** No navigation, redirect, new window or webview, for every webContents (including DevTools). */
export function guardWebContents(contents: WebContents, logger?: Logger): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault()
    logger?.warn('NAVIGATION_BLOCKED')
  })
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault()
    logger?.warn('NAVIGATION_BLOCKED')
  })
  contents.on('will-redirect', (event) => {
    event.preventDefault()
    logger?.warn('REDIRECT_BLOCKED')
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    logger?.warn('WEBVIEW_BLOCKED')
  })
  contents.setWindowOpenHandler(() => {
    logger?.warn('WINDOW_OPEN_BLOCKED')
    return { action: 'deny' }
  })
}

export interface AppEventsLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown
  on(event: 'session-created', listener: (session: Session) => void): unknown
}

/** Installs the guards on every session and webContents the app will ever create. */
export function installAppGuards(app: AppEventsLike, options: HardenOptions = {}): void {
  app.on('session-created', (ses) => hardenSession(ses, options))
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options.logger))
  hardenSession(session.defaultSession, options)
  hardenSession(session.fromPartition(APP_PARTITION), options)
}

export const DEFAULT_SIZE = { width: 1100, height: 760 }
export const MIN_SIZE = { width: 720, height: 520 }

/**
 * The saved bounds when a useful part of them (200 x 100 px) is on one of the displays' work
 * areas now; null otherwise (a monitor was unplugged): then the window opens centred.
 */
export function restoreBounds(saved: WindowBounds | null, workAreas: readonly Rectangle[]): WindowBounds | null {
  if (!saved) return null
  const visible = workAreas.some((area) => {
    const width = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x)
    const height = Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y)
    return width >= 200 && height >= 100
  })
  return visible ? saved : null
}

export interface MainWindowOptions {
  preloadPath: string
  bounds: WindowBounds | null
  contentProtection: boolean
  devTools: boolean
  /** APP_ENTRY_URL, or the dev server's URL under `electron-vite dev`. */
  url?: string
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = options.bounds
  // Written out literally (not built by a helper) so that static checks such as
  // electronegativity can see every setting.
  const win = new BrowserWindow({
    ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Between',
    webPreferences: {
      preload: options.preloadPath,
      partition: APP_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
      // Middle-click on a link would try to open a window (denied anyway): off at the source.
      disableBlinkFeatures: 'Auxclick',
      // Off: Chromium's Hunspell spellchecker downloads dictionaries from Google's CDN on
      // Windows and Linux (a network request that reveals the language), "Add to dictionary"
      // writes the person's words in plain text to `Custom Dictionary.txt` in the profile,
      // and on macOS and Windows the OS spellchecker may learn (and sync) what it checks.
      spellcheck: false,
      devTools: options.devTools,
    },
  })
  win.setContentProtection(options.contentProtection)
  if (bounds?.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  void win.loadURL(options.url ?? APP_ENTRY_URL)
  return win
}

/** What to remember of a window when it closes. */
export function boundsOf(win: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): WindowBounds {
  const { x, y, width, height } = win.getNormalBounds()
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.max(MIN_SIZE.width, Math.round(width)),
    height: Math.max(MIN_SIZE.height, Math.round(height)),
    maximized: win.isMaximized(),
  }
}
