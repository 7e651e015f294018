/**
 * The built main bundle (`npx electron-vite build`, out/main) carries the Argon2id worker as a
 * file of its own, next to index.js where kdf.ts looks for it, and that built file derives the
 * same key as hash-wasm in-process. Imports nothing from electron (index.js is only read).
 * Skipped, saying why, where the app is not built.
 */
import { argon2id } from 'hash-wasm'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { openArgon2Worker } from '../../../src/main/core/vault/kdf'
import { builtWorkerUrl } from '../../../src/main/core/workers/worker-path'
import type { KdfReply, KdfRequest } from '../../../src/main/core/vault/kdf.worker'

const outMain = join(process.cwd(), 'out', 'main')
const bundle = join(outMain, 'index.js')
const workerFile = join(outMain, 'kdf.worker.mjs')
const built = existsSync(bundle)
if (!built) console.log('[kdf-worker-bundle] skipped: the app is not built (run `npx electron-vite build` first)')

const PASSPHRASE = 'orbit lantern quietly 7391 marmalade'
const SALT = Buffer.alloc(16, 0x5a)
const TINY = { memoryKiB: 1024, iterations: 1, parallelism: 1 }

async function inProcess(): Promise<Buffer> {
  const raw = await argon2id({ password: Buffer.from(PASSPHRASE, 'utf8'), salt: SALT, ...TINY, memorySize: TINY.memoryKiB, hashLength: 32, outputType: 'binary' })
  return Buffer.from(raw)
}

function request(last: boolean): { message: KdfRequest; transfer: ArrayBuffer[] } {
  const pw = Buffer.from(PASSPHRASE, 'utf8')
  const bytes = new Uint8Array(pw.length + SALT.length)
  bytes.set(pw)
  bytes.set(SALT, pw.length)
  return { message: { input: bytes.buffer, passwordLength: pw.length, ...TINY, hashLength: 32, last }, transfer: [bytes.buffer] }
}

describe.skipIf(!built)('the built bundle and its KDF worker', () => {
  it('out/main has kdf.worker.mjs beside index.js, where the bundle looks for it, and index.js no longer runs hash-wasm itself', () => {
    expect(existsSync(workerFile), 'out/main/kdf.worker.mjs is missing: stale build? run `npx electron-vite build`').toBe(true)
    const index = readFileSync(bundle, 'utf8')
    // The bundle resolves workers with worker-path.ts from its own URL: index.js or a chunk
    // beside it (code shared with the jobs worker), so the worker is its sibling either way.
    const beside = readdirSync(outMain).filter((name) => name.endsWith('.js'))
    expect(beside.some((name) => readFileSync(join(outMain, name), 'utf8').includes('WORKER_EXTENSION = ".worker.mjs"'))).toBe(true)
    expect(builtWorkerUrl('kdf', pathToFileURL(bundle)).href).toBe(pathToFileURL(workerFile).href)
    expect(index).not.toMatch(/from ["']hash-wasm["']/)
    expect(index).not.toContain('argon2id(')
    // Self-contained (hash-wasm bundled in): Node built-ins only, no chunk or package to look up.
    const worker = readFileSync(workerFile, 'utf8')
    const imports = [...worker.matchAll(/^import\b[^'"]*["']([^"']+)["']/gm)].map((m) => m[1])
    expect(imports).toContain('node:worker_threads')
    for (const specifier of imports) expect(specifier).toMatch(/^node:/)
    expect(worker).not.toMatch(/\bimport\(|\brequire\(/)
  })

  it('the built worker, started on its own, answers with the in-process key and exits', async () => {
    const worker = new Worker(workerFile, { execArgv: [] })
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve))
    const reply = new Promise<KdfReply>((resolve) => worker.once('message', resolve))
    const { message, transfer } = request(true)
    worker.postMessage(message, transfer)
    const answer = await reply
    expect(answer.ok).toBe(true)
    if (answer.ok) expect(Buffer.from(answer.key).equals(await inProcess())).toBe(true)
    expect(await exited).toBe(0)
  })

  it('kdf.ts drives the built worker to the same key', async () => {
    const worker = openArgon2Worker({ workerUrl: pathToFileURL(workerFile) })
    try {
      const { message } = request(true)
      const { key } = await worker.run(message.input, message.passwordLength, TINY, true)
      expect(key.equals(await inProcess())).toBe(true)
    } finally {
      worker.close()
    }
  })
})
