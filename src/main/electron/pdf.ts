/**
 * The PdfRenderer port over Electron: a hidden window in its own in-memory session, no
 * JavaScript, every request but the document itself refused, printToPDF, then destroyed.
 * The HTML never touches disk (it is loaded as a data: URL).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron'
import type { PdfRenderer } from '../core/ports'

export const PDF_PARTITION = 'between-pdf'

type PdfWindow = Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'printToPDF'>
}

export interface PdfWindowFactory {
  /** Electron's BrowserWindow (a fake in tests); constructed here so its options are visible to review and lint. */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => PdfWindow
  sessionFor(partition: string): Pick<Session, 'webRequest' | 'setPermissionRequestHandler'>
}

export function createElectronPdfRenderer(factory: PdfWindowFactory): PdfRenderer {
  let sessionReady = false
  return {
    async render(html) {
      if (!sessionReady) {
        const pdfSession = factory.sessionFor(PDF_PARTITION)
        pdfSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }))
        pdfSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
        sessionReady = true
      }
      const win = new factory.BrowserWindow({
        show: false,
        webPreferences: {
          partition: PDF_PARTITION,
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      })
      try {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
        const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
        return new Uint8Array(pdf)
      } finally {
        if (!win.isDestroyed()) win.destroy()
      }
    },
  }
}
