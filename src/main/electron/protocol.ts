import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { CustomScheme } from 'electron'
import { APP_ORIGIN } from './register-rpc'

/**
 * The UI is served from app://between/ out of the renderer bundle (out/renderer) and nothing
 * else: no file:// (which would grant the page the whole disk's origin), no http server.
 */

export const APP_SCHEME = 'app'
export const APP_HOST = 'between'
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "connect-src 'self'",
].join('; ')

/**
 * standard: real origin (app://between), relative URLs, web storage; secure: a secure context
 * like https; supportFetchAPI: fetch() of our own assets. Deliberately NOT corsEnabled (would
 * let other origins read the bundle), NOT bypassCSP, NOT allowServiceWorkers, NOT stream.
 * Must be registered before app 'ready'.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export const mimeTypeFor = (filePath: string): string =>
  MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  // Links in the person's notes must not leak host names through DNS prefetching.
  'X-DNS-Prefetch-Control': 'off',
}

/**
 * Maps an app:// URL to a file inside rootDir, or null. Only app://between (no user info, no
 * port); the path is percent-decoded once, must not contain NUL or backslashes, is resolved
 * against rootDir and must stay inside it. `/` is index.html; a path without an extension is
 * a client-side route and also gets index.html.
 */
export function resolveBundlePath(rootDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return null
  }
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\') || !pathname.startsWith('/')) return null
  if (pathname.split('/').some((segment) => segment === '..')) return null
  if (pathname === '/' || extname(pathname) === '') pathname = '/index.html'
  const root = resolve(rootDir)
  const full = resolve(root, `.${pathname}`)
  const rel = relative(root, full)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null
  return full
}

type ReadFile = (path: string) => Promise<Uint8Array>

const plain = (status: number, extra: Record<string, string> = {}): Response =>
  new Response(null, { status, headers: { ...SECURITY_HEADERS, ...extra } })

/** The protocol.handle handler for app://: GET/HEAD of bundle files, with MIME and CSP. */
export function createAppProtocolHandler(
  rootDir: string,
  read: ReadFile = (path) => readFile(path),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, { Allow: 'GET, HEAD' })
    const filePath = resolveBundlePath(rootDir, request.url)
    if (filePath === null) return plain(404)
    let body: Uint8Array
    try {
      body = await read(filePath)
    } catch {
      return plain(404)
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(filePath) }
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), { status: 200, headers })
  }
}

export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void
}

/** Serves app:// on one session's protocol object (our window uses its own partition). */
export function registerAppProtocol(protocol: ProtocolLike, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir))
}
