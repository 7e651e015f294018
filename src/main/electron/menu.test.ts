import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'

const fake = vi.hoisted(() => ({
  focused: null as null | { copy: () => void; cut: () => void; send?: (channel: string, message: unknown) => void; isDestroyed?: () => boolean },
  setApplicationMenu: (() => undefined) as (menu: unknown) => void,
}))

vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => fake.setApplicationMenu(menu),
  },
  webContents: { getFocusedWebContents: () => fake.focused },
}))

const { buildMenuTemplate, CRISIS_ACCELERATOR, installMenu, LOCK_ACCELERATOR } = await import('./menu')

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])

const options = (platform: NodeJS.Platform, isDev = false) => ({ platform, isDev, onLock: vi.fn(), onNativeCopy: vi.fn() })

beforeEach(() => {
  fake.focused = null
})

describe('menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('%s: one Lock item with Cmd/Ctrl+L that locks', (platform) => {
    const opts = options(platform)
    const locks = flatten(buildMenuTemplate(opts)).filter((item) => item.label === 'Lock')
    expect(locks).toHaveLength(1)
    expect(locks[0]?.accelerator).toBe(LOCK_ACCELERATOR)
    expect(LOCK_ACCELERATOR).toBe('CmdOrCtrl+L')
    ;(locks[0]?.click as () => void)()
    expect(opts.onLock).toHaveBeenCalledTimes(1)
  })

  it.each(['darwin', 'win32', 'linux'] as const)('%s: one Get help now item with Cmd/Ctrl+Shift+H that asks the window for the crisis view', (platform) => {
    const items = flatten(buildMenuTemplate(options(platform))).filter((item) => item.label === 'Get help now')
    expect(items).toHaveLength(1)
    expect(items[0]?.accelerator).toBe(CRISIS_ACCELERATOR)
    expect(CRISIS_ACCELERATOR).toBe('CmdOrCtrl+Shift+H')
    const send = vi.fn()
    fake.focused = { copy: vi.fn(), cut: vi.fn(), send, isDestroyed: () => false }
    ;(items[0]?.click as () => void)()
    expect(send).toHaveBeenCalledWith('rpc:event', { event: 'ui.crisis', payload: {} })
  })

  it('has the usual roles; reload and DevTools only in development', () => {
    const roles = (isDev: boolean) => flatten(buildMenuTemplate(options('linux', isDev))).map((item) => item.role).filter(Boolean)
    expect(roles(false)).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'quit', 'undo', 'redo', 'paste', 'selectAll', 'togglefullscreen']))
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('forceReload')
    expect(roles(true)).toContain('toggleDevTools')
  })

  it('copy and cut do the native action and then let the lock remember the clipboard', () => {
    vi.useFakeTimers()
    try {
      const opts = options('linux')
      const items = flatten(buildMenuTemplate(opts))
      const focused = { copy: vi.fn(), cut: vi.fn() }
      fake.focused = focused
      ;(items.find((i) => i.label === 'Copy')?.click as () => void)()
      ;(items.find((i) => i.label === 'Cut')?.click as () => void)()
      expect(focused.copy).toHaveBeenCalled()
      expect(focused.cut).toHaveBeenCalled()
      vi.runAllTimers()
      expect(opts.onNativeCopy).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('installMenu sets the application menu', () => {
    const set = vi.fn()
    fake.setApplicationMenu = set
    installMenu(options('win32'))
    expect(set).toHaveBeenCalledTimes(1)
  })
})
