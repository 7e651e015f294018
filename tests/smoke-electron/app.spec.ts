import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { Bridge } from '../../src/shared/ipc/bridge'

/**
 * Starts the real app (out/main/index.js) in the real Electron, creates a vault and locks it
 * through the menu's Lock item. Runs only where the Electron binary can start; elsewhere it
 * prints why and skips (this project's machines cannot download Electron: TOOLCHAIN.md).
 */

const root = process.cwd()
const electronDir = join(root, 'node_modules', 'electron')
const PASSPHRASE = 'orbit lantern quietly 7391 marmalade'

/** The Electron binary, found the way node_modules/electron finds it, but never downloaded. */
function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const base = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(electronDir, 'dist')
  const binary = join(base, relative)
  return existsSync(binary) ? binary : null
}

function whyNot(): string | null {
  if (!existsSync(join(root, 'out', 'main', 'index.js')) || !existsSync(join(root, 'out', 'preload', 'index.cjs'))) {
    return 'the app is not built (run `npx electron-vite build` first)'
  }
  if (electronBinary() === null) {
    return 'the Electron binary is not installed here (node_modules/electron/dist is missing and cannot be downloaded)'
  }
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return 'no display (set DISPLAY, or run under xvfb-run)'
  }
  return null
}

const reason = whyNot()
if (reason) console.log(`[smoke-electron] skipped: ${reason}`)

type BridgeWindow = { bridge: Bridge }
const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(([c, i]) => (globalThis as unknown as BridgeWindow).bridge.invoke(c as string, i), [channel, input] as const)

/** The current page of the main window (the renderer restarts on lock). */
async function currentPage(app: ElectronApplication, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    for (const page of app.windows()) {
      try {
        await page.waitForFunction(() => 'bridge' in globalThis, undefined, { timeout: 1_000 })
        return page
      } catch {
        // crashed on purpose by the lock, or still loading
      }
    }
    if (Date.now() > deadline) throw new Error('no window with window.bridge')
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
    'starts, serves app://between with a locked-down bridge, creates a vault and locks it from the menu',
    async () => {
      app = await _electron.launch({
        executablePath: electronBinary() ?? undefined,
        args: [root],
        env: {
          ...process.env,
          BETWEEN_DATA_DIR: join(temp, 'vault'),
          // Linux: Electron's userData (preferences) goes under XDG_CONFIG_HOME.
          XDG_CONFIG_HOME: join(temp, 'config'),
          ELECTRON_ENABLE_LOGGING: '0',
        },
        timeout: 60_000,
      })
      const page = await currentPage(app)

      expect(page.url()).toBe('app://between/index.html')
      expect(await page.evaluate(() => Object.keys((globalThis as unknown as BridgeWindow).bridge).sort())).toEqual(['invoke', 'on'])
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
      expect(
        await page.evaluate(() =>
          fetch('https://example.org/').then(
            () => 'reached the network',
            () => 'blocked',
          ),
        ),
      ).toBe('blocked')

      // New windows are denied; still one window.
      expect(await page.evaluate(() => (globalThis as unknown as { open: (u: string) => unknown }).open('https://example.org/') === null)).toBe(true)
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)

      expect(await invoke(page, 'vault.status', {})).toEqual({ ok: true, value: { state: 'none' } })
      const created = await invoke(page, 'vault.create', { passphrase: PASSPHRASE })
      expect(created).toMatchObject({ ok: true })
      expect(await invoke(page, 'vault.status', {})).toEqual({ ok: true, value: { state: 'unlocked' } })

      // Lock as the person would: the menu's Lock item (Cmd/Ctrl+L).
      await app.evaluate(({ Menu }) => {
        type Item = { label: string; click: () => void; submenu?: { items: Item[] } | null }
        const find = (items: Item[]): Item | undefined =>
          items.find((item) => item.label === 'Lock') ?? items.map((item) => find(item.submenu?.items ?? [])).find(Boolean)
        find((Menu.getApplicationMenu()?.items ?? []) as unknown as Item[])?.click()
      })
      const deadline = Date.now() + 15_000
      let status: unknown
      do {
        const fresh = await currentPage(app)
        status = await invoke(fresh, 'vault.status', {}).catch(() => null)
        if ((status as { value?: { state?: string } } | null)?.value?.state === 'locked') break
        await new Promise((r) => setTimeout(r, 200))
      } while (Date.now() < deadline)
      expect(status).toEqual({ ok: true, value: { state: 'locked' } })
      expect(existsSync(join(temp, 'vault'))).toBe(true)
    },
    120_000,
  )
})
