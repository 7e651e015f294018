// A recording stand-in for the `electron` module, for running the BUILT main bundle in Node
// (built-main.test.ts). It behaves like Electron where the bundle depends on it (ready comes
// later, windows and sessions only after ready, quit emits before-quit) and records every call.
// Once the window has loaded its URL, it plays a short session through the registered rpc
// handler, as the renderer would, then quits the way the menu's Quit does.
import { join } from 'node:path'
import { record, writeReport } from './boot-record.mjs'

const PASSPHRASE = 'orbit lantern quietly 7391 marmalade'
const home = process.env['BETWEEN_BOOT_HOME'] ?? process.cwd()

let ready = false
const requireReady = (what) => {
  if (!ready) throw new Error(`${what} used before the app is ready`)
}
const ipcHandlers = new Map()
const protocolHandlers = new Map()
const appListeners = new Map()
const on = (listeners) => (event, listener) => {
  if (!listeners.has(event)) listeners.set(event, [])
  listeners.get(event).push(listener)
}

/** Any other call on `name` is recorded and returns undefined (a setter, a listener, a switch). */
function recorder(name, known = {}) {
  return new Proxy(known, {
    get(target, prop) {
      if (prop in target || typeof prop === 'symbol' || prop === 'then') return target[prop]
      return (...args) => {
        record(`${name}.${prop}`, typeof args[0] === 'string' ? args[0] : null)
      }
    },
  })
}

function makeSession(partition) {
  return recorder(`session(${partition})`, {
    protocol: recorder(`session(${partition}).protocol`, {
      handle(scheme, handler) {
        record('session.protocol.handle', { partition, scheme })
        protocolHandlers.set(`${partition}:${scheme}`, handler)
      },
    }),
    webRequest: recorder(`session(${partition}).webRequest`),
  })
}
const sessions = new Map()
export const session = {
  get defaultSession() {
    return this.fromPartition('(default)')
  },
  fromPartition(partition) {
    requireReady('session')
    if (!sessions.has(partition)) sessions.set(partition, makeSession(partition))
    return sessions.get(partition)
  },
}

const windows = []
export class BrowserWindow {
  constructor(options) {
    requireReady('BrowserWindow')
    const { preload, ...webPreferences } = options.webPreferences ?? {}
    record('BrowserWindow', { webPreferences: { ...webPreferences, preload: preload ?? null }, show: options.show ?? true })
    this.listeners = new Map()
    const frame = { url: '' }
    this.frame = frame
    this.webContents = recorder('webContents', {
      mainFrame: frame,
      isDestroyed: () => false,
      send: (channel, message) => record('webContents.send', { channel, event: message?.event ?? null }),
      on: (event) => record('webContents.on', event),
      once: (event) => record('webContents.once', event),
      setWindowOpenHandler: () => record('webContents.setWindowOpenHandler'),
    })
    windows.push(this)
    for (const listener of appListeners.get('web-contents-created') ?? []) listener({}, this.webContents)
  }
  static getAllWindows() {
    return [...windows]
  }
  on(event, listener) {
    record('window.on', event)
    if (!this.listeners.has(event)) this.listeners.set(event, [])
    this.listeners.get(event).push(listener)
  }
  once(event, listener) {
    this.on(event, listener)
  }
  async loadURL(url) {
    record('window.loadURL', url)
    this.frame.url = url
    if (this === windows[0]) setImmediate(() => void playSession(this))
  }
  isDestroyed = () => false
  isMaximized = () => false
  isMinimized = () => false
  getNormalBounds = () => ({ x: 10, y: 10, width: 1100, height: 760 })
  setContentProtection = (on) => record('window.setContentProtection', on)
  show = () => record('window.show')
  maximize = () => record('window.maximize')
  focus = () => undefined
  restore = () => undefined
  destroy = () => undefined
}

let quitting = 0
export const app = recorder('app', {
  isPackaged: false,
  paths: new Map([
    ['appData', join(home, 'appData')],
    ['userData', join(home, 'appData', 'Between')],
    ['documents', join(home, 'documents')],
    ['logs', join(home, 'logs')],
    ['temp', join(home, 'temp')],
    ['home', home],
  ]),
  commandLine: recorder('app.commandLine'),
  getName: () => 'Between',
  getVersion: () => '0.1.0',
  getPath(name) {
    const path = this.paths.get(name)
    if (!path) throw new Error(`unknown path ${name}`)
    return path
  },
  setPath(name, path) {
    record('app.setPath', { name, path, beforeReady: !ready })
    this.paths.set(name, path)
  },
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock', { beforeReady: !ready })
    return true
  },
  enableSandbox: () => record('app.enableSandbox', { beforeReady: !ready }),
  setAppUserModelId: (id) => record('app.setAppUserModelId', id),
  whenReady: () =>
    new Promise((resolve) =>
      setTimeout(() => {
        ready = true
        record('ready')
        resolve()
      }, 5),
    ),
  isReady: () => ready,
  on: on(appListeners),
  once: on(appListeners),
  quit() {
    quitting += 1
    record('app.quit', quitting)
    let prevented = false
    const event = { preventDefault: () => (prevented = true) }
    for (const listener of appListeners.get('before-quit') ?? []) listener(event)
    if (prevented) return
    record('quit')
    writeReport()
    setImmediate(() => process.exit(0))
  },
  exit(code) {
    record('app.exit', code)
    writeReport()
    process.exit(code)
  },
})

export const protocol = recorder('protocol', {
  registerSchemesAsPrivileged: (schemes) =>
    record('protocol.registerSchemesAsPrivileged', { beforeReady: !ready, schemes: schemes.map((s) => ({ scheme: s.scheme, privileges: s.privileges })) }),
})

export const ipcMain = recorder('ipcMain', {
  handle(channel, listener) {
    record('ipcMain.handle', channel)
    ipcHandlers.set(channel, listener)
  },
})

export const Menu = recorder('Menu', {
  buildFromTemplate: (template) => ({ items: template }),
  setApplicationMenu: (menu) => record('Menu.setApplicationMenu', (menu?.items ?? []).map((item) => item.label ?? item.role ?? null)),
  getApplicationMenu: () => null,
})

export class Notification {
  static isSupported = () => true
  on() {}
  show() {
    record('Notification.show')
  }
}

export const screen = recorder('screen', { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] })
export const nativeTheme = recorder('nativeTheme', { themeSource: 'system', shouldUseDarkColors: false })
export const powerMonitor = recorder('powerMonitor', {
  on: (event) => record('powerMonitor.on', event),
  getSystemIdleState: () => 'active',
})
export const webContents = recorder('webContents(module)', { getFocusedWebContents: () => null, getAllWebContents: () => [] })
export const clipboard = recorder('clipboard', { readText: () => '', writeText: () => undefined })
export const dialog = recorder('dialog')
export const shell = recorder('shell')
export const globalShortcut = recorder('globalShortcut')
export const nativeImage = recorder('nativeImage')
export const systemPreferences = recorder('systemPreferences')
export const utilityProcess = recorder('utilityProcess')
export const net = recorder('net')

export default {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  systemPreferences,
  utilityProcess,
  webContents,
}

/** What the renderer would do: load index.html through app://, then a short session over rpc. */
async function playSession(win) {
  try {
    const serve = protocolHandlers.get('between:app')
    if (serve) {
      const response = await serve(new Request(win.frame.url))
      const body = await response.text()
      record('app-protocol', { url: win.frame.url, status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), hasRoot: body.includes('<div id="root">') })
    }
    const handler = ipcHandlers.get('rpc:invoke')
    const event = { sender: { mainFrame: win.frame }, senderFrame: win.frame }
    const call = async (channel, input) => {
      const result = await handler(event, channel, input)
      record('rpc', { channel, ok: result.ok, code: result.ok ? null : result.error.code })
      return result
    }
    await call('vault.status', {})
    await call('vault.create', { passphrase: PASSPHRASE })
    const reflection = await call('reflections.create', { body: 'a heron by the canal again', mood: 4, tags: [], sessionId: null, bringToSession: false })
    const found = await call('search.query', { query: 'heron' })
    record('search-found-reflection', Boolean(reflection.ok && found.ok && found.value.hits.some((hit) => hit.id === reflection.value.id)))
    await call('vault.lock', {})
    const status = await call('vault.status', {})
    record('status-after-lock', status.ok ? status.value.state : null)
    await call('vault.unlock', { passphrase: PASSPHRASE })
    const after = await call('vault.status', {})
    record('status-after-unlock', after.ok ? after.value.state : null)
    // An untrusted frame is refused.
    const stranger = { url: 'https://example.org/' }
    const refused = await handler({ sender: { mainFrame: stranger }, senderFrame: stranger }, 'vault.status', {})
    record('untrusted-sender', refused.ok ? 'accepted' : refused.error.code)
  } catch (error) {
    record('session-failed', error instanceof Error ? `${error.name}: ${error.message}` : String(error))
  }
  if (process.env['BETWEEN_BOOT_END'] === 'session-end') endWindowsSession(win)
  else app.quit()
}

/** Windows log-off: the window's query-session-end, then session-end; Electron emits no before-quit. */
function endWindowsSession(win) {
  record('session-end')
  const event = { reasons: ['logoff'], preventDefault: () => record('session-end.prevented') }
  for (const name of ['query-session-end', 'session-end']) for (const listener of win.listeners.get(name) ?? []) listener(event)
}
