import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, clipboard, dialog, ipcMain, nativeTheme, Notification, powerMonitor, protocol, screen, session, shell } from 'electron'
import { createCore, type Core } from './core'
import { createBackupScheduler } from './core/backup/backup-scheduler'
import { createReminderScheduler } from './core/reminders/reminder-scheduler'
import { createSyncScheduler } from './core/sync/sync-scheduler'
import { nodeWatchFolder } from './core/sync/fs-watch'
import { createAutoLock, type AutoLock } from './core/lock/auto-lock'
import { systemClock } from './core/ports'
import { createClipboardGuard } from './electron/clipboard'
import { createElectronFileDialogs } from './electron/dialogs'
import { createElectronShellPort } from './electron/external-links'
import { createLockController, linuxScreenLockProbe, watchKeyboardActivity, wirePowerEvents, wireSessionEnd, withLockAftermath, type LockController } from './electron/lock'
import { createMainLogger } from './electron/logger'
import { createElectronNotifier } from './electron/notifications'
import { createElectronPdfRenderer } from './electron/pdf'
import { installMenu } from './electron/menu'
import { createElectronPrefsStore } from './electron/prefs'
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './electron/protocol'
import { APP_ORIGIN, createWindowEventSink, registerRpc } from './electron/register-rpc'
import { APP_PARTITION, boundsOf, createMainWindow, devServerOrigin, installAppGuards, restoreBounds } from './electron/window'
import { separateDevUserData, vaultFolder } from './electron/user-data'
import { installationId } from './electron/installation-id'
import { APP_USER_MODEL_ID } from './electron/app-id'
import { createHandlers } from './ipc/handlers'

/**
 * Composition root only: app lifecycle -> prefs -> core -> rpc -> window. Every decision lives
 * in the modules it wires.
 */

const here = dirname(fileURLToPath(import.meta.url))
const PRELOAD_PATH = join(here, '../preload/index.cjs')
const RENDERER_ROOT = join(here, '../renderer')

const logger = createMainLogger()

// Before 'ready': a checkout's own userData (never the person's real vault, its own
// single-instance lock), the Windows app id (notifications, taskbar grouping), the privileged
// scheme, sandbox for every renderer, no DNS prefetching.
separateDevUserData(app)
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
app.enableSandbox()
app.commandLine.appendSwitch('dns-prefetch-disable')

const devOrigin = devServerOrigin(app.isPackaged, process.env['ELECTRON_RENDERER_URL'])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('STARTUP_FAILED', { errorName: error instanceof Error ? error.name : typeof error })
      app.exit(1)
    })
}

function start(): void {
  // Sessions exist only once the app is ready; this runs before any window is created.
  installAppGuards(app, { logger, devOrigin })
  const prefs = createElectronPrefsStore(logger)
  nativeTheme.themeSource = prefs.get().theme
  registerAppProtocol(session.fromPartition(APP_PARTITION).protocol, RENDERER_ROOT)

  let win: BrowserWindow | null = null
  const getContents = () => (win && !win.isDestroyed() ? win.webContents : null)
  const clipboardGuard = createClipboardGuard(clipboard)
  // The lock needs the core and the core's shell port reports to the lock: late-bound.
  let lock: LockController | null = null
  let autoLock: AutoLock | null = null

  const core: Core = createCore({
    dataDir: vaultFolder(app.getPath('userData'), process.env),
    installationId: installationId(app.getPath('userData')),
    clock: systemClock,
    events: withLockAftermath(createWindowEventSink(getContents), { afterLocked: (reason) => lock?.afterLocked(reason) }),
    logger,
    prefs,
    dialogs: createElectronFileDialogs(dialog, () => win, () => prefs.get().backupFolder ?? app.getPath('documents')),
    pdfRenderer: createElectronPdfRenderer({
      BrowserWindow,
      sessionFor: (partition) => session.fromPartition(partition),
    }),
    shell: createElectronShellPort({
      shell,
      clipboard: clipboardGuard,
      onActivity: () => autoLock?.activity(),
      onFlushed: (token) => lock?.flushed(token),
    }),
  })
  const lockController = createLockController({ core, getContents, clipboard: clipboardGuard, logger })
  lock = lockController
  const idleLock = createAutoLock({
    clock: systemClock,
    timers: {
      setInterval: (callback, ms) => setInterval(callback, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    },
    lockTimeoutMinutes: () => prefs.get().lockTimeoutMinutes,
    lock: (reason) => void lockController.lock(reason),
    systemIdleState: linuxScreenLockProbe(process.platform, powerMonitor),
  })
  autoLock = idleLock
  wirePowerEvents(powerMonitor, idleLock)

  // Reminders (generic text only) and daily backups run on their own timers; both look at the
  // vault's state at each check, so they need no unlock hook. Sync also passes soon after saves
  // and after another computer's file arrives in the sync folder (sync-scheduler.ts).
  const setTimer = (callback: () => void, ms: number) => {
    const handle = setTimeout(callback, ms)
    return { cancel: () => clearTimeout(handle) }
  }
  const reminders = createReminderScheduler({
    core,
    clock: systemClock,
    notifier: createElectronNotifier(Notification, () => win?.show()),
    setTimer,
  })
  const backups = createBackupScheduler({ core, clock: systemClock, setTimer, intervalMs: 10 * 60_000 })
  const syncing = createSyncScheduler({ core, setTimer, watchFolder: nodeWatchFolder() })
  reminders.start()
  backups.start()
  syncing.start()

  const handlers = createHandlers(core)
  registerRpc(ipcMain, () => handlers, logger, { trustedOrigins: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN] })
  installMenu({
    platform: process.platform,
    isDev: !app.isPackaged,
    onLock: () => void lockController.lock('manual'),
    onNativeCopy: () => clipboardGuard.rememberCurrent(),
  })

  // Quitting (menu, last window closed, OS logout) always goes through one path: save what is
  // being edited, lock, close the core; then quit for real.
  let readyToQuit = false
  let shuttingDown: Promise<void> | null = null
  const shutdown = (): Promise<void> =>
    (shuttingDown ??= (async () => {
      idleLock.stop()
      reminders.stop()
      backups.stop()
      syncing.stop()
      if (win && !win.isDestroyed()) prefs.set({ windowBounds: boundsOf(win) })
      await lockController.lock('quit')
      core.close()
    })())
  const quitAfterShutdown = (): void =>
    void shutdown().finally(() => {
      readyToQuit = true
      app.quit()
    })

  const openWindow = (): void => {
    const workAreas = screen.getAllDisplays().map((display) => display.workArea)
    const current = prefs.get()
    const created = createMainWindow({
      preloadPath: PRELOAD_PATH,
      bounds: restoreBounds(current.windowBounds, workAreas),
      contentProtection: current.contentProtection,
      devTools: !app.isPackaged,
      url: devOrigin ? `${devOrigin}/` : APP_ENTRY_URL,
    })
    win = created
    watchKeyboardActivity(created.webContents, idleLock)
    // Windows log-off and shutdown skip before-quit: the same path, from the window's events.
    wireSessionEnd(created, quitAfterShutdown)
    created.webContents.on('render-process-gone', (_event, details) => logger.warn('RENDERER_GONE', { reason: details.reason }))
    created.on('close', (event) => {
      if (readyToQuit) return
      event.preventDefault()
      app.quit()
    })
    created.on('closed', () => {
      win = null
    })
  }

  prefs.subscribe((next) => {
    nativeTheme.themeSource = next.theme
    if (win && !win.isDestroyed()) win.setContentProtection(next.contentProtection)
  })

  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', (event) => {
    if (readyToQuit) return
    event.preventDefault()
    quitAfterShutdown()
  })

  openWindow()
  idleLock.start()
}
