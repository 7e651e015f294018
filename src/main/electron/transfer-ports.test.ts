import { describe, expect, it } from 'vitest'
import { REMINDER_KINDS } from '../../shared/domain/vocabulary'
import { REMINDER_TEXT } from '../core/reminders/reminder-text'
import { createElectronFileDialogs } from './dialogs'
import { createElectronNotifier, type NotificationClass } from './notifications'
import { createElectronPdfRenderer, PDF_PARTITION } from './pdf'

describe('Electron FileDialogs adapter', () => {
  it('returns the chosen path, or null when cancelled', async () => {
    const calls: unknown[] = []
    const dialog = {
      showSaveDialog: async (...args: unknown[]) => {
        calls.push(args)
        return { canceled: false, filePath: '/home/sam/backup.betweenbackup' }
      },
      showOpenDialog: async (...args: unknown[]) => {
        calls.push(args)
        return { canceled: true, filePaths: [] }
      },
    }
    const dialogs = createElectronFileDialogs(dialog as never, () => null, () => '/home/sam/Documents')
    expect(await dialogs.chooseSavePath('backup', 'between-2026-03-03.betweenbackup')).toBe('/home/sam/backup.betweenbackup')
    expect(calls[0]).toEqual([
      expect.objectContaining({ defaultPath: '/home/sam/Documents/between-2026-03-03.betweenbackup', filters: [{ name: 'Between backup', extensions: ['betweenbackup'] }] }),
    ])
    expect(await dialogs.chooseOpenPath('calendar')).toBeNull()
    expect(await dialogs.chooseFolder('backup-folder')).toBeNull()
    expect(calls[2]).toEqual([expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] })])
  })
})

describe('Electron Notifier adapter', () => {
  it('shows the generic text for the kind, and nothing else', () => {
    const shown: unknown[] = []
    const Fake = class {
      constructor(readonly options: unknown) {}
      static isSupported = () => true
      on() {
        return this
      }
      show() {
        shown.push(this.options)
      }
    } as unknown as NotificationClass
    const notifier = createElectronNotifier(Fake)
    for (const kind of REMINDER_KINDS) notifier.show(kind)
    expect(shown).toEqual(REMINDER_KINDS.map((kind) => ({ title: 'Between', body: REMINDER_TEXT[kind], silent: false })))
  })
})

describe('Electron PdfRenderer adapter', () => {
  it('loads the HTML as a data: URL in a script-less, sandboxed, in-memory window, blocks other requests, and destroys the window', async () => {
    const log: string[] = []
    let blocker: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | undefined
    let options: { show?: boolean; webPreferences?: Record<string, unknown> } | undefined
    const renderer = createElectronPdfRenderer({
      sessionFor: (partition) => {
        log.push(`session ${partition}`)
        return { webRequest: { onBeforeRequest: (fn: typeof blocker) => (blocker = fn) }, setPermissionRequestHandler: () => undefined } as never
      },
      BrowserWindow: class {
        private destroyed = false
        constructor(o: unknown) {
          options = o as typeof options
        }
        loadURL = async (url: string) => void log.push(url.slice(0, url.indexOf(',') + 1))
        webContents = { printToPDF: async () => Buffer.from('%PDF-1.7') }
        destroy = () => void ((this.destroyed = true), log.push('destroyed'))
        isDestroyed = () => this.destroyed
      } as never,
    })
    const pdf = await renderer.render('<p>hi</p>')
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.7')
    expect(log).toEqual([`session ${PDF_PARTITION}`, 'data:text/html;charset=utf-8;base64,', 'destroyed'])
    expect(options).toMatchObject({ show: false, webPreferences: { partition: PDF_PARTITION, javascript: false, sandbox: true, nodeIntegration: false } })
    const decide = (url: string) => {
      let cancel: boolean | undefined
      blocker?.({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(decide('https://example.org/font.woff')).toBe(true)
    expect(decide('file:///etc/passwd')).toBe(true)
    expect(decide('data:text/html;base64,AAAA')).toBe(false)
  })
})
