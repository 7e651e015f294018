import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  mimeTypeFor,
  registerAppProtocol,
  resolveBundlePath,
} from './protocol'

let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'between-protocol-'))
  root = join(base, 'out', 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Between</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>')
  writeFileSync(join(root, 'assets', 'font.woff2'), 'x')
  writeFileSync(join(base, 'out', 'secret.txt'), 'outside the bundle')
  writeFileSync(join(base, 'vault.db'), 'outside the bundle')
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('resolveBundlePath', () => {
  it.each([
    ['app://between/', 'index.html'],
    ['app://between/index.html', 'index.html'],
    ['app://between/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://between/assets/./index-abc.js', 'assets/index-abc.js'],
    ['app://between/timeline', 'index.html'],
    ['app://between/assets/index%2Dabc.js', 'assets/index-abc.js'],
    ['app://between/index.html?x=1#y', 'index.html'],
  ])('%s -> %s', (url, expected) => {
    expect(resolveBundlePath(root, url)).toBe(join(root, expected))
  })

  it('dot segments the URL parser already removed stay inside the bundle', () => {
    expect(resolveBundlePath(root, 'app://between/../secret.txt')).toBe(join(root, 'secret.txt'))
    expect(resolveBundlePath(root, 'app://between/%2e%2e/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'))
    expect(resolveBundlePath(root, 'app://between/assets/../../vault.db')).toBe(join(root, 'vault.db'))
  })

  it.each([
    'app://between/..%2Fsecret.txt',
    'app://between/assets/..%2F..%2Fsecret.txt',
    'app://between/%2e%2e%2f%2e%2e%2fvault.db',
    'app://between/..%5Csecret.txt',
    'app://between/assets%5C..%5C..%5Csecret.txt',
    'app://between/index.html%00.js',
    'app://between/%E0%A4%A',
    'app://between.evil.com/index.html',
    'app://evil@between/index.html',
    'app://between:1234/index.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://between/index.html',
    'app:index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveBundlePath(root, url)).toBeNull()
  })
})

describe('MIME types', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.PNG', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.unknown', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(mimeTypeFor(file)).toBe(type))
})

describe('app:// handler', () => {
  const handler = () => createAppProtocolHandler(root)

  it('serves bundle files with their MIME type, the strict CSP and nosniff', async () => {
    const response = await handler()(new Request('app://between/assets/index-abc.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'; connect-src 'self'",
    )
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('console.log(1)')
    const page = await handler()(new Request('app://between/'))
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('<title>Between</title>')
  })

  it('404 for traversal, missing files and foreign hosts; nothing outside the bundle is read', async () => {
    const read = vi.fn(async (_path: string) => new Uint8Array())
    const guarded = createAppProtocolHandler(root, read)
    for (const url of ['app://between/..%2Fsecret.txt', 'app://between.evil.com/index.html', 'app://between/x/..%2F..%2F..%2Fvault.db']) {
      expect((await guarded(new Request(url))).status).toBe(404)
    }
    expect(read).not.toHaveBeenCalled()
    for (const url of ['app://between/../secret.txt', 'app://between/%2e%2e/%2e%2e/vault.db']) {
      expect((await handler()(new Request(url))).status).toBe(404)
      await guarded(new Request(url))
    }
    for (const [path] of read.mock.calls) expect(path.startsWith(join(root, '/'))).toBe(true)
    expect((await handler()(new Request('app://between/assets/missing.js'))).status).toBe(404)
  })

  it('only GET and HEAD', async () => {
    expect((await handler()(new Request('app://between/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
    const head = await handler()(new Request('app://between/index.html', { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('registers the app scheme on the given protocol object', () => {
    const protocol = { handle: vi.fn() }
    registerAppProtocol(protocol, root)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('the scheme is standard and secure, and neither bypasses CSP nor enables CORS or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    })
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })
})
