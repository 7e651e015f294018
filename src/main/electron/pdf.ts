/**
 * The PdfRenderer port over Electron: a hidden window in its own in-memory session, no
 * JavaScript, every request but the document itself refused, printToPDF, then destroyed.
 *
 * The HTML never touches disk and never travels in a URL: the PDF session serves it from memory
 * through protocol.handle('app') at a one-time address (app://pdf/<random>.html). A data: URL
 * would not do: Chromium refuses URLs over 2 MB, and a session brief with months of reflections
 * is several MB of HTML. Documents up to MAX_PDF_HTML_BYTES are printed; larger ones are refused
 * with PDF_TOO_LARGE before a window opens.
 *
 * renderFile prints a document a job wrote to a file (the date-range report, tens of MB for a
 * year): the handler streams the file to the window in chunks, so the document never passes
 * through the main process's JavaScript in one piece.
 */
import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron'
import { CoreError } from '../core/errors'
import type { PdfRenderer } from '../core/ports'
import { APP_SCHEME } from './protocol'

export const PDF_PARTITION = 'between-pdf'
/** 64 MiB of HTML: years of daily reflections; beyond it printToPDF's own memory becomes the risk. */
export const MAX_PDF_HTML_BYTES = 64 * 1024 * 1024
const PDF_ORIGIN = `${APP_SCHEME}://pdf`

type PdfWindow = Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'printToPDF'>
}

export type PdfSession = Pick<Session, 'webRequest' | 'setPermissionRequestHandler'> & {
  protocol: Pick<Session['protocol'], 'handle'>
}

export interface PdfWindowFactory {
  /** Electron's BrowserWindow (a fake in tests); constructed here so its options are visible to review and lint. */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => PdfWindow
  sessionFor(partition: string): PdfSession
  newToken?(): string
}

export function createElectronPdfRenderer(factory: PdfWindowFactory): PdfRenderer {
  const newToken = factory.newToken ?? randomUUID
  /** The documents being printed, by their one-time URL: in memory, or a file and its size. */
  const documents = new Map<string, Buffer | { file: string; size: number }>()
  let sessionReady = false

  const prepareSession = (): void => {
    if (sessionReady) return
    const pdfSession = factory.sessionFor(PDF_PARTITION)
    pdfSession.protocol.handle(APP_SCHEME, (request) => {
      const document = documents.get(request.url)
      if (!document) return new Response(null, { status: 404 })
      const inMemory = Buffer.isBuffer(document)
      const body = inMemory ? new Uint8Array(document) : (Readable.toWeb(createReadStream(document.file)) as ReadableStream<Uint8Array>)
      return new Response(body, {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(inMemory ? document.length : document.size), 'Cache-Control': 'no-store' },
      })
    })
    pdfSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !documents.has(details.url) }))
    pdfSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    sessionReady = true
  }

  const print = async (document: Buffer | { file: string; size: number }): Promise<Uint8Array> => {
    prepareSession()
    const url = `${PDF_ORIGIN}/${newToken()}.html`
    documents.set(url, document)
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
      await win.loadURL(url)
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
      return new Uint8Array(pdf)
    } finally {
      documents.delete(url)
      if (Buffer.isBuffer(document)) document.fill(0)
      if (!win.isDestroyed()) win.destroy()
    }
  }

  const tooLarge = (bytes: number): void => {
    if (bytes > MAX_PDF_HTML_BYTES) throw new CoreError('INTERNAL', { cause: { code: 'PDF_TOO_LARGE' } })
  }

  return {
    async render(html) {
      const body = Buffer.from(html, 'utf8')
      tooLarge(body.length)
      return print(body)
    },
    async renderFile(file) {
      const { size } = await stat(file)
      tooLarge(size)
      return print({ file, size })
    },
  }
}
