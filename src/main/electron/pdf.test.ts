import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createElectronPdfRenderer, MAX_PDF_HTML_BYTES, PDF_PARTITION, type PdfSession } from './pdf'

type Handler = (request: Request) => Response | Promise<Response>
type Filter = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void

/**
 * The PDF session and window, faked at the Electron boundary only: the fake window loads its URL
 * the way Chromium would in that session (webRequest filter first, then the scheme's
 * protocol.handle handler) and "prints" a digest of exactly the bytes it was served.
 */
function fakeElectron() {
  const handlers = new Map<string, Handler>()
  let filter: Filter | undefined
  const log: string[] = []
  const loaded: Array<{ url: string; bytes: number; type: string | null }> = []
  let options: { show?: boolean; webPreferences?: Record<string, unknown> } | undefined

  const allowed = (url: string): boolean => {
    let cancel = true
    filter?.({ url }, (response) => (cancel = response.cancel))
    return !cancel
  }
  const fetchInSession = async (url: string): Promise<Response> => {
    if (!allowed(url)) throw new Error('ERR_BLOCKED_BY_CLIENT')
    const handler = handlers.get(new URL(url).protocol.replace(':', ''))
    if (!handler) throw new Error('ERR_UNKNOWN_URL_SCHEME')
    return handler(new Request(url))
  }

  const session: PdfSession = {
    protocol: { handle: (scheme: string, handler: Handler) => void handlers.set(scheme, handler) },
    webRequest: { onBeforeRequest: (fn: Filter) => (filter = fn) },
    setPermissionRequestHandler: () => undefined,
  } as unknown as PdfSession

  class FakeWindow {
    private destroyed = false
    private body = Buffer.alloc(0)
    constructor(o: unknown) {
      options = o as typeof options
      log.push('window')
    }
    loadURL = async (url: string) => {
      const response = await fetchInSession(url)
      if (!response.ok) throw new Error(`ERR_HTTP_RESPONSE_CODE_FAILURE ${response.status}`)
      this.body = Buffer.from(await response.arrayBuffer())
      loaded.push({ url, bytes: this.body.length, type: response.headers.get('content-type') })
    }
    webContents = { printToPDF: async () => Buffer.from(`%PDF-1.7 ${createHash('sha256').update(this.body).digest('hex')}`) }
    destroy = () => void ((this.destroyed = true), log.push('destroyed'))
    isDestroyed = () => this.destroyed
  }

  let tokens = 0
  const renderer = createElectronPdfRenderer({
    sessionFor: (partition) => {
      log.push(`session ${partition}`)
      return session
    },
    BrowserWindow: FakeWindow as never,
    newToken: () => `doc-${++tokens}`,
  })
  return { renderer, log, loaded, options: () => options, allowed, fetchInSession }
}

/** About `bytes` of brief-like HTML: a long list of escaped reflections. */
function bigBrief(bytes: number): string {
  const item = '<li><p>Walked by the canal after the session; the heron was there again &amp; I felt calmer.</p></li>\n'
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><ul>\n${item.repeat(Math.ceil(bytes / item.length))}</ul></body></html>`
}

describe('Electron PdfRenderer adapter', () => {
  it('prints a 5 MB document served from memory through protocol.handle (no data: URL), then forgets it and destroys the window', async () => {
    const fake = fakeElectron()
    const html = bigBrief(5 * 1024 * 1024)
    expect(Buffer.byteLength(html)).toBeGreaterThan(5 * 1024 * 1024)

    const pdf = Buffer.from(await fake.renderer.render(html)).toString('latin1')

    // Every byte reached the window: the "PDF" is a digest of what it was served.
    expect(pdf).toBe(`%PDF-1.7 ${createHash('sha256').update(html, 'utf8').digest('hex')}`)
    expect(fake.loaded).toEqual([{ url: 'app://pdf/doc-1.html', bytes: Buffer.byteLength(html), type: 'text/html; charset=utf-8' }])
    expect(fake.log).toEqual([`session ${PDF_PARTITION}`, 'window', 'destroyed'])
    expect(fake.options()).toMatchObject({ show: false, webPreferences: { partition: PDF_PARTITION, javascript: false, sandbox: true, nodeIntegration: false } })
    // After printing, the address serves nothing and is refused.
    expect(fake.allowed('app://pdf/doc-1.html')).toBe(false)
  })

  it('prints a document from a file, streamed to the window, with the same bytes and the same one-time address', async () => {
    const fake = fakeElectron()
    const dir = mkdtempSync(join(tmpdir(), 'between-pdf-file-'))
    try {
      const html = bigBrief(5 * 1024 * 1024)
      const file = join(dir, 'report.html')
      writeFileSync(file, html)
      const pdf = Buffer.from(await fake.renderer.renderFile(file)).toString('latin1')
      expect(pdf).toBe(`%PDF-1.7 ${createHash('sha256').update(html, 'utf8').digest('hex')}`)
      expect(fake.loaded).toEqual([{ url: 'app://pdf/doc-1.html', bytes: Buffer.byteLength(html), type: 'text/html; charset=utf-8' }])
      expect(fake.allowed('app://pdf/doc-1.html')).toBe(false)

      writeFileSync(file, Buffer.alloc(MAX_PDF_HTML_BYTES + 1, 0x78))
      await expect(fake.renderer.renderFile(file)).rejects.toMatchObject({ code: 'INTERNAL', cause: { code: 'PDF_TOO_LARGE' } })
      expect(fake.log.filter((entry) => entry === 'window')).toHaveLength(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses every other request in the PDF session: the network, files, data:, other app:// pages', async () => {
    const fake = fakeElectron()
    const probe = fake.renderer.render('<p>brief</p>')
    // While the document is being printed, only its own address is allowed.
    const during = Object.fromEntries(
      ['app://pdf/doc-1.html', 'https://example.org/font.woff', 'file:///etc/passwd', 'data:text/html;base64,AAAA', 'app://pdf/doc-2.html', 'app://between/index.html'].map((url) => [url, fake.allowed(url)]),
    )
    await probe
    expect(during).toEqual({
      'app://pdf/doc-1.html': true,
      'https://example.org/font.woff': false,
      'file:///etc/passwd': false,
      'data:text/html;base64,AAAA': false,
      'app://pdf/doc-2.html': false,
      'app://between/index.html': false,
    })
  })

  it('two documents at once each get their own address and their own bytes', async () => {
    const fake = fakeElectron()
    const [a, b] = await Promise.all([fake.renderer.render('<p>first</p>'), fake.renderer.render('<p>second</p>')])
    expect(Buffer.from(a).toString('latin1')).toContain(createHash('sha256').update('<p>first</p>').digest('hex'))
    expect(Buffer.from(b).toString('latin1')).toContain(createHash('sha256').update('<p>second</p>').digest('hex'))
    expect(fake.loaded.map((entry) => entry.url).sort()).toEqual(['app://pdf/doc-1.html', 'app://pdf/doc-2.html'])
  })

  it('refuses a document over the documented limit before opening a window (PDF_TOO_LARGE)', async () => {
    const fake = fakeElectron()
    const html = 'x'.repeat(MAX_PDF_HTML_BYTES + 1)
    await expect(fake.renderer.render(html)).rejects.toMatchObject({ code: 'INTERNAL', cause: { code: 'PDF_TOO_LARGE' } })
    expect(fake.log).toEqual([])
  })
})
