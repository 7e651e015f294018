import { beforeEach, describe, expect, it, vi } from 'vitest'

/** A fake session recording every handler the code installs. */
function fakeSession(name: string) {
  const listeners = new Map<string, (...args: unknown[]) => void>()
  return {
    name,
    listeners,
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    setBluetoothPairingHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener)),
  }
}

const electron = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; instance: Record<string, ReturnType<typeof vi.fn>> }>,
  sessions: new Map<string, ReturnType<typeof fakeSession>>(),
}))

vi.mock('electron', () => {
  class BrowserWindow {
    setContentProtection = vi.fn()
    maximize = vi.fn()
    once = vi.fn()
    show = vi.fn()
    loadURL = vi.fn(async () => undefined)
    constructor(options: Record<string, unknown>) {
      electron.windows.push({ options, instance: this as unknown as Record<string, ReturnType<typeof vi.fn>> })
    }
  }
  const get = (name: string) => {
    if (!electron.sessions.has(name)) electron.sessions.set(name, fakeSession(name))
    return electron.sessions.get(name)
  }
  return {
    BrowserWindow,
    session: {
      get defaultSession() {
        return get('default')
      },
      fromPartition: (partition: string) => get(`partition:${partition}`),
    },
  }
})

const {
  APP_PARTITION,
  boundsOf,
  createMainWindow,
  devServerOrigin,
  guardWebContents,
  hardenSession,
  installAppGuards,
  isRequestAllowed,
  restoreBounds,
} = await import('./window')

beforeEach(() => {
  electron.windows.length = 0
  electron.sessions.clear()
})

describe('window options', () => {
  it('creates a sandboxed, isolated window without Node, with web security and no spellcheck', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', bounds: null, contentProtection: false, devTools: false })
    const [{ options, instance }] = electron.windows as [(typeof electron.windows)[number]]
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      partition: 'between',
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
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
    })
    expect(options.show).toBe(false)
    expect(instance.loadURL).toHaveBeenCalledWith('app://between/index.html')
    expect(instance.setContentProtection).toHaveBeenCalledWith(false)
  })

  it('the partition is in-memory (no persist: prefix); DevTools only when asked (unpackaged)', () => {
    expect(APP_PARTITION.startsWith('persist:')).toBe(false)
    createMainWindow({ preloadPath: '/p', bounds: null, contentProtection: false, devTools: true })
    expect((electron.windows[0]?.options.webPreferences as { devTools: boolean }).devTools).toBe(true)
  })

  it('applies remembered bounds, maximized state and content protection', () => {
    createMainWindow({
      preloadPath: '/p',
      bounds: { x: 10, y: 20, width: 900, height: 700, maximized: true },
      contentProtection: true,
      devTools: false,
    })
    const [{ options, instance }] = electron.windows as [(typeof electron.windows)[number]]
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 700 })
    expect(instance.maximize).toHaveBeenCalled()
    expect(instance.setContentProtection).toHaveBeenCalledWith(true)
  })

  it('restoreBounds keeps bounds only when visible on a display', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }]
    const saved = { x: 100, y: 100, width: 900, height: 700, maximized: false }
    expect(restoreBounds(saved, screen)).toEqual(saved)
    expect(restoreBounds({ ...saved, x: 3000 }, screen)).toBeNull()
    expect(restoreBounds({ ...saved, x: 1850 }, screen)).toBeNull()
    expect(restoreBounds(null, screen)).toBeNull()
  })

  it('boundsOf remembers the normal bounds, rounded and at least the minimum size', () => {
    const win = { getNormalBounds: () => ({ x: 1.4, y: 2.6, width: 300, height: 900.2 }), isMaximized: () => true }
    expect(boundsOf(win)).toEqual({ x: 1, y: 3, width: 720, height: 900, maximized: true })
  })
})

describe('session hardening', () => {
  const harden = () => {
    const ses = fakeSession('s')
    hardenSession(ses as never)
    return ses
  }

  it('denies every permission request and check', () => {
    const ses = harden()
    const request = ses.setPermissionRequestHandler.mock.calls[0]?.[0] as (...a: unknown[]) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen']) {
      const callback = vi.fn()
      request({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
    }
    const check = ses.setPermissionCheckHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean
    expect(check({}, 'media', 'app://between', {})).toBe(false)
    expect(check(null, 'clipboard-read', 'app://between', {})).toBe(false)
    expect((ses.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean)()).toBe(false)
    const display = vi.fn()
    ;(ses.setDisplayMediaRequestHandler.mock.calls[0]?.[0] as (...a: unknown[]) => void)({}, display)
    expect(display).toHaveBeenCalledWith(null)
  })

  it('cancels every http(s)/ws(s) request and lets our bundle through', () => {
    const ses = harden()
    const [listener] = ses.webRequest.onBeforeRequest.mock.calls[0] as [(d: unknown, cb: (r: unknown) => void) => void]
    const decide = (url: string) => {
      const callback = vi.fn()
      listener({ url, resourceType: 'xhr' }, callback)
      return callback.mock.calls[0]?.[0]
    }
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'ws://localhost/', 'wss://x.example/', 'ftp://x/', 'file:///etc/passwd', 'app://between.evil.com/x.js', 'chrome://gpu']) {
      expect(decide(url)).toEqual({ cancel: true })
    }
    for (const url of ['app://between/index.html', 'app://between/assets/a.js', 'data:image/png;base64,AA==', 'blob:app://between/123']) {
      expect(decide(url)).toEqual({ cancel: false })
    }
  })

  it('spellchecker off, dictionaries never downloaded, downloads refused; idempotent', () => {
    const ses = harden()
    expect(ses.setSpellCheckerEnabled).toHaveBeenCalledWith(false)
    expect(ses.setSpellCheckerDictionaryDownloadURL.mock.calls[0]?.[0]).toMatch(/^app:\/\/between\//)
    const event = { preventDefault: vi.fn() }
    ses.listeners.get('will-download')?.(event)
    expect(event.preventDefault).toHaveBeenCalled()
    hardenSession(ses as never)
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1)
  })

  it('dev server origin (electron-vite dev only): exactly that host, http and ws', () => {
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true)
    expect(isRequestAllowed('ws://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isRequestAllowed('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isRequestAllowed('https://localhost:5173/', 'http://localhost:5173')).toBe(false)
    expect(isRequestAllowed('http://localhost:5173/')).toBe(false)
  })
})

describe('dev server origin', () => {
  it('only unpackaged, only loopback http', () => {
    expect(devServerOrigin(false, 'http://localhost:5173/')).toBe('http://localhost:5173')
    expect(devServerOrigin(false, 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173')
    expect(devServerOrigin(true, 'http://localhost:5173/')).toBeNull()
    expect(devServerOrigin(false, undefined)).toBeNull()
    expect(devServerOrigin(false, 'https://localhost:5173/')).toBeNull()
    expect(devServerOrigin(false, 'http://evil.example:5173/')).toBeNull()
    expect(devServerOrigin(false, 'http://localhost.evil.example/')).toBeNull()
    expect(devServerOrigin(false, 'http://x@localhost:5173/')).toBeNull()
    expect(devServerOrigin(false, 'not a url')).toBeNull()
  })
})

describe('webContents guards', () => {
  const guarded = () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }) => void>()
    const contents = {
      on: vi.fn((event: string, listener: (e: { preventDefault: () => void }) => void) => listeners.set(event, listener)),
      setWindowOpenHandler: vi.fn(),
    }
    guardWebContents(contents as never)
    return { contents, listeners }
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('%s is prevented', (name) => {
    const { listeners } = guarded()
    const event = { preventDefault: vi.fn() }
    listeners.get(name)?.(event)
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('new windows are denied', () => {
    const { contents } = guarded()
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: unknown) => unknown
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'app://between/index.html' })).toEqual({ action: 'deny' })
  })

  it('installAppGuards covers the default session, our partition, and every later session and webContents', () => {
    const on = vi.fn()
    installAppGuards({ on } as never)
    expect(on.mock.calls.map(([event]) => event).sort()).toEqual(['session-created', 'web-contents-created'])
    expect(electron.sessions.get('default')?.setPermissionRequestHandler).toHaveBeenCalled()
    expect(electron.sessions.get('partition:between')?.setPermissionRequestHandler).toHaveBeenCalled()
    const later = fakeSession('later')
    const sessionCreated = on.mock.calls.find(([event]) => event === 'session-created')?.[1] as (s: unknown) => void
    sessionCreated(later)
    expect(later.webRequest.onBeforeRequest).toHaveBeenCalled()
  })
})
