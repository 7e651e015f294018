import { Menu, webContents, type MenuItemConstructorOptions } from 'electron'
import { pushEvent } from './register-rpc'

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Unpackaged runs get Reload and DevTools. */
  isDev: boolean
  onLock(): void
  /** After a native copy or cut in our window: remember it so a lock can clear it. */
  onNativeCopy(): void | Promise<void>
}

export const LOCK_ACCELERATOR = 'CmdOrCtrl+L'
/** Opens the crisis view from any screen, also while locked (the renderer listens for `ui.crisis`). */
export const CRISIS_ACCELERATOR = 'CmdOrCtrl+Shift+H'
/** Long enough for the renderer to have put the selection on the clipboard. */
const NATIVE_COPY_SETTLE_MS = 150

const copyItem = (kind: 'copy' | 'cut', options: MenuOptions): MenuItemConstructorOptions => ({
  label: kind === 'copy' ? 'Copy' : 'Cut',
  accelerator: kind === 'copy' ? 'CmdOrCtrl+C' : 'CmdOrCtrl+X',
  click: () => {
    const focused = webContents.getFocusedWebContents()
    if (!focused) return
    if (kind === 'copy') focused.copy()
    else focused.cut()
    setTimeout(() => void options.onNativeCopy(), NATIVE_COPY_SETTLE_MS)
  },
})

/** The usual roles, plus Lock; copy and cut are tracked so a lock can clear what was copied. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  const lock: MenuItemConstructorOptions = { label: 'Lock', accelerator: LOCK_ACCELERATOR, click: () => options.onLock() }
  const template: MenuItemConstructorOptions[] = []
  if (isMac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        lock,
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  }
  template.push({
    role: 'fileMenu',
    submenu: isMac ? [{ role: 'close' }] : [lock, { type: 'separator' }, { role: 'quit' }],
  })
  template.push({
    role: 'editMenu',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      copyItem('cut', options),
      copyItem('copy', options),
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  })
  template.push({
    role: 'viewMenu',
    submenu: [
      ...(options.isDev
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  })
  template.push({ role: 'windowMenu' })
  template.push({
    role: 'help',
    submenu: [{ label: 'Get help now', accelerator: CRISIS_ACCELERATOR, click: () => void pushEvent(webContents.getFocusedWebContents(), 'ui.crisis', {}) }],
  })
  return template
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)))
}
