import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runInNewContext } from 'node:vm'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The BUILT app boots: out/main/index.js (an ES module, unchanged) runs in Node 24 (Electron 45's
 * Node) with a recording stand-in for `electron`, resolved by a module hook
 * (register-stand-in.mjs, fake-electron.mjs). The stand-in plays what Electron and the renderer
 * would: ready, the window, index.html through app://, a short session over the registered rpc
 * handler (create a vault, write and find a reflection, lock, unlock), then Quit. A bundling
 * mistake (an external that is not installed, ESM/CJS, a worker path, a top-level require)
 * fails here, not on a person's desktop; the last tests show this check failing on each.
 */

const root = process.cwd()
const built = existsSync(join(root, 'out', 'main', 'index.js'))
if (!built) console.warn('[built-main] skipped: the app is not built (npm test builds it; or run `npx electron-vite build`)')

const temp = mkdtempSync(join(tmpdir(), 'between-boot-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

interface Step {
  name: string
  detail: unknown
}
interface Boot {
  status: number | null
  stderr: string
  steps: Step[]
  home: string
}

/** Runs `<appRoot>/out/main/index.js` under the stand-in; returns its exit status and recorded steps. */
function boot(appRoot: string, name: string, end: 'menu' | 'session-end' = 'menu'): Boot {
  const home = join(temp, name)
  mkdirSync(home, { recursive: true })
  const report = join(home, 'report.json')
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['BETWEEN_DATA_DIR', 'ELECTRON_RENDERER_URL', 'NODE_OPTIONS'].includes(key)))
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(join(root, 'tests', 'integration', 'boot', 'register-stand-in.mjs')).href, join(appRoot, 'out', 'main', 'index.js')], {
    cwd: appRoot,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...env, BETWEEN_BOOT_HOME: home, BETWEEN_BOOT_REPORT: report, BETWEEN_BOOT_END: end },
  })
  const steps = existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as Step[]) : []
  return { status: result.status, stderr: result.stderr, steps, home }
}

const index = (boot: Boot, name: string, match: (detail: unknown) => boolean = () => true): number =>
  boot.steps.findIndex((step) => step.name === name && match(step.detail))
const detailOf = <T>(boot: Boot, name: string, match: (detail: unknown) => boolean = () => true): T | undefined =>
  boot.steps.find((step) => step.name === name && match(step.detail))?.detail as T | undefined
const rpc = (boot: Boot, channel: string) =>
  boot.steps.filter((step) => step.name === 'rpc' && (step.detail as { channel: string }).channel === channel).map((step) => step.detail as { ok: boolean; code: string | null })

/** Every start-up step that did not happen as it should, in words; [] for a good boot. */
function startupProblems(boot: Boot, appRoot: string): string[] {
  const problems: string[] = []
  const expect = (ok: boolean, problem: string) => void (ok || problems.push(problem))
  const ready = index(boot, 'ready')
  expect(boot.status === 0, `exit status ${boot.status} (${boot.stderr.split('\n').find((line) => /Error|STARTUP_FAILED/.test(line)) ?? 'no error line'})`)
  expect(ready >= 0, 'never reached ready')
  const lock = index(boot, 'app.requestSingleInstanceLock')
  expect(lock >= 0 && lock < ready, 'no single-instance lock before ready')
  const scheme = detailOf<{ beforeReady: boolean; schemes: Array<{ scheme: string }> }>(boot, 'protocol.registerSchemesAsPrivileged')
  expect(scheme?.beforeReady === true && scheme.schemes.some((s) => s.scheme === 'app'), 'app:// not registered as privileged before ready')
  const userData = detailOf<{ path: string; beforeReady: boolean }>(boot, 'app.setPath', (d) => (d as { name: string }).name === 'userData')
  expect(userData?.beforeReady === true && userData.path.endsWith('Between-dev') && index(boot, 'app.setPath') < lock, 'an unpackaged run does not use Between-dev before taking the lock')
  const window = detailOf<{ webPreferences: Record<string, unknown> }>(boot, 'BrowserWindow')
  const prefs = window?.webPreferences ?? {}
  expect(
    prefs['sandbox'] === true && prefs['contextIsolation'] === true && prefs['nodeIntegration'] === false && prefs['webSecurity'] === true && prefs['partition'] === 'between',
    'the window lacks its secure options',
  )
  expect(typeof prefs['preload'] === 'string' && existsSync(prefs['preload'] as string) && (prefs['preload'] as string).endsWith('index.cjs'), 'the preload is not the built index.cjs')
  expect(index(boot, 'ipcMain.handle', (d) => d === 'rpc:invoke') > ready, 'no rpc handler registered after ready')
  expect(index(boot, 'session.protocol.handle', (d) => (d as { scheme: string }).scheme === 'app') > ready, 'app:// not served')
  expect(index(boot, 'window.loadURL', (d) => d === 'app://between/index.html') > ready, "the renderer's URL was not loaded")
  const page = detailOf<{ status: number; hasRoot: boolean; csp: string | null }>(boot, 'app-protocol')
  expect(page?.status === 200 && page.hasRoot && Boolean(page.csp?.includes("script-src 'self'")), 'app://between/index.html is not the built renderer with its CSP')
  const kdfWorker = pathToFileURL(join(appRoot, 'out', 'main', 'kdf.worker.mjs')).href
  const workers = boot.steps.filter((step) => step.name === 'worker').map((step) => step.detail)
  expect(workers.length > 0 && workers.every((url) => url === kdfWorker), `the KDF worker was not started from out/main/kdf.worker.mjs (${workers.join(', ') || 'none'})`)
  for (const channel of ['vault.create', 'reflections.create', 'search.query', 'vault.lock', 'vault.unlock']) {
    const calls = rpc(boot, channel)
    expect(calls.length > 0 && calls.every((call) => call.ok), `${channel} failed (${calls.map((call) => call.code).join(', ') || 'not called'})`)
  }
  expect(detailOf(boot, 'search-found-reflection') === true, 'search did not find the reflection')
  expect(detailOf(boot, 'status-after-lock') === 'locked' && detailOf(boot, 'status-after-unlock') === 'unlocked', 'lock and unlock did not change the state')
  expect(detailOf(boot, 'untrusted-sender') === 'UNTRUSTED_SENDER', 'an untrusted frame was served')
  const flush = index(boot, 'webContents.send', (d) => (d as { event: string }).event === 'ui.flush')
  expect(flush > index(boot, 'app.quit') && index(boot, 'quit') > flush, 'quit did not flush the draft and lock before quitting')
  expect(!boot.steps.some((step) => step.name === 'app.exit' || step.name === 'session-failed'), 'start-up failed')
  return problems
}

/** A copy of the built app (out/main copied so it can be broken; the rest linked). */
function copyOfBuild(name: string, breakIt: (mainDir: string) => void): string {
  const appRoot = join(temp, name, 'app')
  mkdirSync(join(appRoot, 'out'), { recursive: true })
  cpSync(join(root, 'out', 'main'), join(appRoot, 'out', 'main'), { recursive: true })
  for (const dir of ['preload', 'renderer']) symlinkSync(join(root, 'out', dir), join(appRoot, 'out', dir), 'dir')
  symlinkSync(join(root, 'node_modules'), join(appRoot, 'node_modules'), 'dir')
  copyFileSync(join(root, 'package.json'), join(appRoot, 'package.json'))
  breakIt(join(appRoot, 'out', 'main'))
  return appRoot
}

const prepend = (file: string, line: string) => writeFileSync(file, `${line}\n${readFileSync(file, 'utf8')}`)

describe.skipIf(!built)('the built main bundle boots (Node 24, a recording stand-in for electron)', () => {
  it('gets through start-up, serves a session over rpc and quits cleanly', () => {
    const result = boot(root, 'good')
    expect(startupProblems(result, root)).toEqual([])
    // The vault was written where an unpackaged run keeps it.
    expect(existsSync(join(result.home, 'appData', 'Between-dev', 'vault'))).toBe(true)
    expect(existsSync(join(result.home, 'appData', 'Between'))).toBe(false)
  }, 120_000)

  it('Windows log-off (query-session-end, session-end) saves the draft, locks and quits like Quit does, without delaying the log-off', () => {
    const result = boot(root, 'session-end', 'session-end')
    const ended = index(result, 'session-end')
    expect(ended).toBeGreaterThan(0)
    const flush = index(result, 'webContents.send', (d) => (d as { event: string }).event === 'ui.flush')
    const locked = result.steps.findIndex((step, at) => at > flush && step.name === 'webContents.send' && (step.detail as { event: string }).event === 'vault.locked')
    expect(flush).toBeGreaterThan(ended)
    expect(locked).toBeGreaterThan(flush)
    expect(index(result, 'quit')).toBeGreaterThan(locked)
    expect(index(result, 'session-end.prevented')).toBe(-1)
    expect(result.status).toBe(0)
  }, 120_000)

  it('the check fails on an external that is not installed', () => {
    const appRoot = copyOfBuild('missing-external', (main) => prepend(join(main, 'index.js'), 'import "between-not-installed";'))
    const problems = startupProblems(boot(appRoot, 'missing-external'), appRoot)
    expect(problems).toContain('never reached ready')
    expect(problems[0]).toMatch(/exit status 1 .*ERR_MODULE_NOT_FOUND|Cannot find package/)
  }, 60_000)

  it('the check fails on a top-level require in the ES module bundle', () => {
    const appRoot = copyOfBuild('top-level-require', (main) => prepend(join(main, 'index.js'), 'const fs = require("node:fs");'))
    const problems = startupProblems(boot(appRoot, 'top-level-require'), appRoot)
    expect(problems).toContain('never reached ready')
    expect(problems[0]).toMatch(/require is not defined/)
  }, 60_000)

  it('the check fails when the KDF worker is not where the bundle looks for it', () => {
    const appRoot = copyOfBuild('missing-worker', (main) => rmSync(join(main, 'kdf.worker.mjs')))
    const problems = startupProblems(boot(appRoot, 'missing-worker'), appRoot)
    expect(problems).toContain('vault.create failed (INTERNAL)')
  }, 60_000)
})

describe.skipIf(!built)('the built preload runs as a sandboxed preload does', () => {
  it("is a CommonJS script that requires only 'electron' and exposes bridge = { invoke, on } that reach the rpc channels", async () => {
    const code = readFileSync(join(root, 'out', 'preload', 'index.cjs'), 'utf8')
    const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>()
    const sent: unknown[][] = []
    const listeners = new Map<string, (...args: unknown[]) => void>()
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => sent.push(args),
        on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    }
    const required: string[] = []
    // A sandboxed preload has require('electron') and a few built-ins, no module system, no import.
    const sandboxRequire = (id: string) => {
      required.push(id)
      if (id === 'electron') return electron
      throw new Error(`a sandboxed preload cannot require ${id}`)
    }
    runInNewContext(code, { require: sandboxRequire, module: { exports: {} }, exports: {} }, { filename: 'index.cjs' })
    expect(required).toEqual(['electron'])
    const bridge = exposed.get('bridge')
    expect(Object.keys(bridge ?? {}).sort()).toEqual(['invoke', 'on'])
    await bridge?.['invoke']?.('vault.status', {})
    expect(sent).toEqual([['rpc:invoke', 'vault.status', {}]])
    const seen: unknown[] = []
    const off = bridge?.['on']?.('vault.locked', (payload: unknown) => seen.push(payload)) as () => void
    listeners.get('rpc:event')?.({ sender: 'ipc event' }, { event: 'vault.locked', payload: { reason: 'manual' } })
    expect(seen).toEqual([{ reason: 'manual' }])
    off()
    expect(listeners.has('rpc:event')).toBe(false)
  })
})
