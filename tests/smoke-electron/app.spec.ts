import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { Bridge } from '../../src/shared/ipc/bridge'
import { watchWindowHealth } from '../e2e/window-health'

/**
 * The real app (out/main/index.js) in the real Electron: a working window (the window-health
 * check shared with the e2e harness), the welcome screen's heading, a vault created, a
 * reflection written and found by search, locked from the menu, unlocked from the unlock screen.
 *
 * Runs where Electron can start: the binary installed (`npx install-electron`, or once by
 * `npm start`), the app built, and a display (on Linux without one: `xvfb-run -a npx vitest run
 * tests/smoke-electron`). Elsewhere it skips loudly: one line saying why and what would make it
 * run, and (for .ci/run's summary) "skipped (reason)" or "ran" in the file BETWEEN_SMOKE_STATUS
 * names. docs/packaging.md has the details.
 */

const root = process.cwd()
const electronDir = join(root, 'node_modules', 'electron')
const PASSPHRASE = 'orbit lantern quietly 7391 marmalade'
const REFLECTION = 'The heron was back by the canal this morning'

/** The executable, found the way electron-vite finds it (ELECTRON_EXEC_PATH, else dist/ + path.txt); never downloaded here. */
function electronBinary(): string | null {
  const override = process.env['ELECTRON_EXEC_PATH']
  if (override) return existsSync(override) ? override : null
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(electronDir, 'dist'), readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function whyNot(): string | null {
  if (!existsSync(join(root, 'out', 'main', 'index.js')) || !existsSync(join(root, 'out', 'preload', 'index.cjs'))) {
    return 'the app is not built; run `npm run build` first'
  }
  if (electronBinary() === null) {
    return 'the Electron binary is not installed (node_modules/electron/dist); run `npx install-electron` (needs the internet or ELECTRON_MIRROR, see docs/packaging.md)'
  }
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return 'no display; run it under `xvfb-run -a`'
  }
  return null
}

function reportStatus(status: string): void {
  const file = process.env['BETWEEN_SMOKE_STATUS']
  if (file) writeFileSync(file, status)
}

const reason = whyNot()
if (reason) {
  console.warn(`[smoke-electron] SKIPPED: ${reason}.`)
  reportStatus(`skipped (${reason})`)
}

type BridgeWindow = { bridge: Bridge }
const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(([c, i]) => (globalThis as unknown as BridgeWindow).bridge.invoke(c as string, i), [channel, input] as const)

/** The current page of the main window (the renderer restarts in a new process on lock). */
async function currentPage(app: ElectronApplication, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    for (const page of app.windows()) {
      try {
        await page.waitForFunction("'bridge' in globalThis && (document.getElementById('root')?.childElementCount ?? 0) > 0", undefined, { timeout: 1_000 })
        return page
      } catch {
        // crashed on purpose by the lock, or still loading
      }
    }
    if (Date.now() > deadline) throw new Error('no rendered window with window.bridge')
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Watches the window's health from a fresh load (the watcher's CSP reporter runs before the app's code). */
async function healthyPage(app: ElectronApplication): Promise<Page> {
  const page = await currentPage(app)
  const health = await watchWindowHealth(page, { origin: 'app://between' })
  await page.reload({ waitUntil: 'load' })
  await health.assertHealthy()
  return page
}

async function waitForState(app: ElectronApplication, state: string): Promise<void> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const page = await currentPage(app)
    const status = (await invoke(page, 'vault.status', {}).catch(() => null)) as { value?: { state?: string } } | null
    if (status?.value?.state === state) return
    if (Date.now() > deadline) throw new Error(`the vault did not become ${state}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe('Electron smoke', () => {
  const temp = mkdtempSync(join(tmpdir(), 'between-smoke-'))
  let app: ElectronApplication | null = null

  afterAll(async () => {
    await app?.close().catch(() => undefined)
    rmSync(temp, { recursive: true, force: true })
  })

  it.skipIf(reason !== null)(
    'opens a working window, creates a vault, writes and finds a reflection, locks from the menu and unlocks',
    async () => {
      reportStatus('ran')
      app = await _electron.launch({
        executablePath: electronBinary() ?? undefined,
        args: [root],
        env: {
          ...process.env,
          BETWEEN_DATA_DIR: join(temp, 'vault'),
          // Linux: Electron's userData (preferences, the single-instance lock) goes under XDG_CONFIG_HOME.
          XDG_CONFIG_HOME: join(temp, 'config'),
          ELECTRON_ENABLE_LOGGING: '0',
        },
        timeout: 60_000,
      })
      let page = await healthyPage(app)

      // The first screen a person sees: the welcome (no vault yet).
      expect(page.url()).toBe('app://between/index.html')
      await page.getByRole('heading', { level: 1, name: /A private place for the time between sessions|Welcome back/ }).waitFor()

      // The bridge, and nothing else, reaches the page; the network does not.
      expect(await page.evaluate(() => Object.keys((globalThis as unknown as BridgeWindow).bridge).sort())).toEqual(['invoke', 'on'])
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
      expect(await page.evaluate(() => fetch('https://example.org/').then(() => 'reached the network', () => 'blocked'))).toBe('blocked')
      expect(await page.evaluate(() => (globalThis as unknown as { open: (u: string) => unknown }).open('https://example.org/') === null)).toBe(true)
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)

      // A vault, a reflection, found by search.
      expect(await invoke(page, 'vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true })
      const written = (await invoke(page, 'reflections.create', { body: REFLECTION, mood: 4, tags: [], sessionId: null, bringToSession: false })) as { ok: boolean; value: { id: string } }
      expect(written.ok).toBe(true)
      const found = (await invoke(page, 'search.query', { query: 'heron canal' })) as { ok: boolean; value: { hits: Array<{ id: string }> } }
      expect(found.value.hits.map((hit) => hit.id)).toContain(written.value.id)

      // Lock as the person would: the menu's Lock item (Cmd/Ctrl+L).
      await app.evaluate(({ Menu }) => {
        type Item = { label: string; click: () => void; submenu?: { items: Item[] } | null }
        const find = (items: Item[]): Item | undefined =>
          items.find((item) => item.label === 'Lock') ?? items.map((item) => find(item.submenu?.items ?? [])).find(Boolean)
        find((Menu.getApplicationMenu()?.items ?? []) as unknown as Item[])?.click()
      })
      await waitForState(app, 'locked')
      page = await healthyPage(app)

      // Unlock from the unlock screen.
      await page.getByRole('heading', { level: 1, name: 'Welcome back' }).waitFor()
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
      await page.getByRole('button', { name: 'Unlock' }).click()
      await page.getByRole('navigation', { name: 'Main' }).waitFor()
      expect(await invoke(page, 'vault.status', {})).toEqual({ ok: true, value: { state: 'unlocked' } })
      expect(existsSync(join(temp, 'vault'))).toBe(true)
    },
    180_000,
  )
})
