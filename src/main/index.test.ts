import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

/**
 * The composition root under a fake Electron: what runs before 'ready', what after, and that
 * quitting goes through the lock. (The real app is covered by tests/smoke-electron where
 * Electron can start.)
 */

const fake = vi.hoisted(() => {
  const calls: string[] = []
  let ready = false
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>()
  const requireReady = (what: string) => {
    if (!ready) throw new Error(`${what} used before ready`)
  }
  const makeSession = (name: string) => ({
    name,
    protocol: { handle: (scheme: string) => calls.push(`${name}.protocol.handle:${scheme}`) },
    setPermissionRequestHandler: () => calls.push(`${name}.permissions`),
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    setDisplayMediaRequestHandler: () => undefined,
    setBluetoothPairingHandler: () => undefined,
    setSpellCheckerEnabled: () => undefined,
    setSpellCheckerDictionaryDownloadURL: () => undefined,
    webRequest: { onBeforeRequest: () => calls.push(`${name}.webRequest`) },
    on: () => undefined,
  })
  const sessions = new Map<string, ReturnType<typeof makeSession>>()
  const windows: Array<{ options: Record<string, unknown>; listeners: Map<string, (...a: unknown[]) => void> }> = []
  return {
    calls,
    appListeners,
    windows,
    quitCalls: 0,
    setReady: () => {
      ready = true
    },
    requireReady,
    session: (name: string) => {
      requireReady(`session ${name}`)
      if (!sessions.has(name)) sessions.set(name, makeSession(name))
      return sessions.get(name)
    },
    userData: '',
  }
})

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  class ElectronStore extends Conf {
    constructor(options: { name?: string } & Record<string, unknown> = {}) {
      const { name = 'config', ...rest } = options
      super({ ...rest, configName: name, cwd: fake.userData, projectVersion: '0.1.0' })
    }
  }
  return { default: ElectronStore }
})

vi.mock('electron', () => {
  class BrowserWindow {
    listeners = new Map<string, (...a: unknown[]) => void>()
    webContents = {
      on: vi.fn(),
      isDestroyed: () => false,
      send: vi.fn(),
      setWindowOpenHandler: vi.fn(),
    }
    constructor(options: Record<string, unknown>) {
      fake.requireReady('BrowserWindow')
      fake.windows.push({ options, listeners: this.listeners })
    }
    setContentProtection = vi.fn()
    maximize = vi.fn()
    once = vi.fn()
    show = vi.fn()
    loadURL = vi.fn(async (url: string) => fake.calls.push(`loadURL:${url}`))
    on = (event: string, listener: (...a: unknown[]) => void) => this.listeners.set(event, listener)
    isDestroyed = () => false
    getNormalBounds = () => ({ x: 0, y: 0, width: 1000, height: 700 })
    isMaximized = () => false
    isMinimized = () => false
  }
  const app = {
    isPackaged: true,
    commandLine: { appendSwitch: (name: string) => fake.calls.push(`switch:${name}`) },
    enableSandbox: () => fake.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    whenReady: () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          fake.setReady()
          fake.calls.push('ready')
          resolve()
        }, 0),
      ),
    getPath: () => fake.userData,
    setPath: (name: string) => fake.calls.push(`setPath:${name}`),
    on: (event: string, listener: (...args: unknown[]) => void) => {
      if (!fake.appListeners.has(event)) fake.appListeners.set(event, [])
      fake.appListeners.get(event)?.push(listener)
    },
    quit: () => {
      fake.quitCalls += 1
    },
    exit: (code: number) => fake.calls.push(`exit:${code}`),
  }
  return {
    app,
    BrowserWindow,
    clipboard: { writeText: async () => undefined, readText: async () => '', clear: () => undefined },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    ipcMain: { handle: (channel: string) => fake.calls.push(`ipcMain.handle:${channel}`), removeHandler: () => undefined },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => fake.calls.push('menu') },
    nativeTheme: { themeSource: 'system' },
    Notification: Object.assign(class { on = vi.fn(); show = vi.fn() }, { isSupported: () => true }),
    powerMonitor: { on: (event: string) => fake.calls.push(`power:${event}`), removeListener: () => undefined, getSystemIdleState: () => 'active' },
    protocol: { registerSchemesAsPrivileged: () => fake.calls.push('registerSchemesAsPrivileged') },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      get defaultSession() {
        return fake.session('default')
      },
      fromPartition: (partition: string) => fake.session(partition),
    },
    shell: { openExternal: async () => undefined },
    webContents: { getFocusedWebContents: () => null },
  }
})

describe('composition root', () => {
  const temp = mkdtempSync(join(tmpdir(), 'between-main-'))
  fake.userData = temp
  process.env['BETWEEN_DATA_DIR'] = join(temp, 'vault')
  afterAll(() => {
    delete process.env['BETWEEN_DATA_DIR']
    rmSync(temp, { recursive: true, force: true })
  })

  it('registers the scheme and sandbox before ready, then hardens sessions, serves rpc and opens the window', async () => {
    await import('./index')
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    const ready = fake.calls.indexOf('ready')
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(ready)
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(ready)
    for (const step of ['default.permissions', 'between.permissions', 'between.webRequest', 'between.protocol.handle:app', 'ipcMain.handle:rpc:invoke', 'menu', 'power:suspend', 'power:lock-screen']) {
      expect(fake.calls.indexOf(step), step).toBeGreaterThan(ready)
    }
    expect(fake.calls).toContain('loadURL:app://between/index.html')
    expect(fake.windows[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'between' })
    expect(String((fake.windows[0]?.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(fake.calls).not.toContain('exit:1')
    // Windows log-off and shutdown reach the quit path through the window's events.
    expect([...(fake.windows[0]?.listeners.keys() ?? [])]).toEqual(expect.arrayContaining(['query-session-end', 'session-end']))
  })

  it('quitting saves the window bounds, locks and closes the core, then quits for real', async () => {
    const beforeQuit = fake.appListeners.get('before-quit')?.[0]
    const event = { preventDefault: vi.fn() }
    beforeQuit?.(event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(fake.quitCalls).toBe(1))
    const again = { preventDefault: vi.fn() }
    beforeQuit?.(again)
    expect(again.preventDefault).not.toHaveBeenCalled()
    const { readFileSync } = await import('node:fs')
    expect(JSON.parse(readFileSync(join(temp, 'preferences.json'), 'utf8')).windowBounds).toMatchObject({ width: 1000, height: 700, maximized: false })
  })
})
