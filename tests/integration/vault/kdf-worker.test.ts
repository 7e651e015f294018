/**
 * Argon2id runs in a short-lived worker thread (src/main/core/vault/kdf.worker.ts, run from the
 * sources here): same keys as hash-wasm in-process, the main thread keeps running, the worker's
 * memory is not the main isolate's, secrets travel as transferred bytes, and every failure
 * rejects with a CoreError instead of hanging.
 */
import { argon2id } from 'hash-wasm'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { CoreError } from '../../../src/main/core/errors'
import type { KdfCost } from '../../../src/main/core/ports'
import {
  derivePassphraseKey,
  kdfTimeoutMs,
  kdfWorkerUrl,
  KDF_FLOOR,
  openArgon2Worker,
} from '../../../src/main/core/vault/kdf'
import type { KdfReply, KdfRequest } from '../../../src/main/core/vault/kdf.worker'

const TINY: KdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 }
const SALT = Buffer.alloc(16, 0x42)

/** The reference: hash-wasm on this thread, over Buffer.from(NFC(passphrase), 'utf8') as before the worker. */
async function inProcess(passphrase: string, salt: Buffer, cost: KdfCost): Promise<Buffer> {
  const raw = await argon2id({
    password: Buffer.from(passphrase.normalize('NFC'), 'utf8'),
    salt,
    parallelism: cost.parallelism,
    iterations: cost.iterations,
    memorySize: cost.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  })
  return Buffer.from(raw)
}

/** Password bytes then salt, in a buffer of their own. */
function input(password: string, salt: Buffer = SALT): { input: ArrayBuffer; passwordLength: number } {
  const pw = Buffer.from(password, 'utf8')
  const bytes = new Uint8Array(pw.length + salt.length)
  bytes.set(pw)
  bytes.set(salt, pw.length)
  return { input: bytes.buffer, passwordLength: pw.length }
}

const workerOf = (source: string): URL => new URL(`data:text/javascript,${encodeURIComponent(source)}`)

async function failureCode(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CoreError)
  expect((error as CoreError).code).toBe('INTERNAL')
  return ((error as CoreError).cause as { code?: unknown } | undefined)?.code
}

describe('Argon2id in a worker thread', () => {
  it('runs the .ts source when nothing is built next to kdf.ts', () => {
    expect(kdfWorkerUrl().pathname).toMatch(/\/src\/main\/core\/vault\/kdf\.worker\.ts$/)
  })

  it('derives the same keys as hash-wasm in-process (NFC, non-ASCII, a lone surrogate)', async () => {
    const passphrases = ['correct horse battery staple', 'Cafe\u0301 au lait, s\u2019il vous pla\u00eet', '\u{1F510} ключ 钥匙', 'broken \ud800 surrogate']
    for (const passphrase of passphrases) {
      const key = await derivePassphraseKey(passphrase, SALT, TINY)
      expect(key).toBeInstanceOf(Buffer)
      expect(key.length).toBe(32)
      // Its own 32-byte ArrayBuffer (moved from the worker), not a slice of a shared pool.
      expect(key.buffer.byteLength).toBe(32)
      expect(key.equals(await inProcess(passphrase, SALT, TINY))).toBe(true)
    }
  })

  it('the floor cost (64 MiB, t=3) matches too, while the main thread keeps running and its memory stays put', async () => {
    const externalBefore = process.memoryUsage().external
    let ticks = 0
    const timer = setInterval(() => void ticks++, 5)
    let key: Buffer
    try {
      key = await derivePassphraseKey('correct horse battery staple', SALT, KDF_FLOOR)
    } finally {
      clearInterval(timer)
    }
    // Measured before any garbage collection: hash-wasm's 64 MiB were never in this isolate.
    expect(process.memoryUsage().external - externalBefore).toBeLessThan(16 * 2 ** 20)
    // In-process, the event loop would not turn once during the derivation.
    expect(ticks).toBeGreaterThanOrEqual(3)
    expect(key.equals(await inProcess('correct horse battery staple', SALT, KDF_FLOOR))).toBe(true)
  })

  it('moves the secret bytes to the worker (nothing left here) and the key back', async () => {
    const worker = openArgon2Worker()
    try {
      const request = input('correct horse battery staple')
      const pending = worker.run(request.input, request.passwordLength, TINY, true)
      expect(request.input.byteLength).toBe(0) // transferred: detached on this side
      const { key, ms } = await pending
      expect(ms).toBeGreaterThan(0)
      expect(key.equals(await inProcess('correct horse battery staple', SALT, TINY))).toBe(true)
    } finally {
      worker.close()
    }
  })

  it('the worker zeroes its copy of the input and exits by itself after its last answer', async () => {
    const worker = new Worker(kdfWorkerUrl(), { execArgv: [] })
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve))
    const request = input('correct horse battery staple')
    const message: KdfRequest = { ...request, ...TINY, hashLength: 32, last: true }
    const reply = new Promise<KdfReply>((resolve) => worker.once('message', resolve))
    worker.postMessage(message, [request.input])
    const answer = await reply
    expect(answer.ok).toBe(true)
    expect(await exited).toBe(0)
  })

  it('one worker serves a calibration session: several runs, then close()', async () => {
    const worker = openArgon2Worker()
    try {
      for (const cost of [TINY, { memoryKiB: 2048, iterations: 2, parallelism: 1 }, { memoryKiB: 4096, iterations: 1, parallelism: 2 }]) {
        const request = input('between-calibration')
        const { key } = await worker.run(request.input, request.passwordLength, cost, false)
        expect(key.equals(await inProcess('between-calibration', SALT, cost))).toBe(true)
        key.fill(0)
      }
    } finally {
      worker.close()
    }
  })

  it('bad parameters reject with INTERNAL (KDF_BAD_PARAMS), never a hang', async () => {
    const cases: Array<[string, Buffer, KdfCost]> = [
      ['', SALT, TINY], // hash-wasm refuses an empty password; the vault never asks for one
      ['a passphrase', Buffer.alloc(4), TINY], // salt under 8 bytes
      ['a passphrase', SALT, { memoryKiB: 8, iterations: 1, parallelism: 4 }], // memory < 8 x lanes
      ['a passphrase', SALT, { memoryKiB: 1024, iterations: 0, parallelism: 1 }],
      ['a passphrase', SALT, { memoryKiB: 1024.5, iterations: 1, parallelism: 1 }],
    ]
    for (const [passphrase, salt, cost] of cases) {
      expect(await failureCode(derivePassphraseKey(passphrase, salt, cost))).toBe('KDF_BAD_PARAMS')
    }
  })

  it('memory beyond what 32-bit WebAssembly can address rejects with KDF_OUT_OF_MEMORY', async () => {
    const cost: KdfCost = { memoryKiB: 4 * 1024 * 1024, iterations: 1, parallelism: 1 }
    expect(await failureCode(derivePassphraseKey('a passphrase', SALT, cost))).toBe('KDF_OUT_OF_MEMORY')
  })

  it('a worker that does not answer in time is ended: KDF_TIMEOUT', async () => {
    const worker = openArgon2Worker({ timeoutMs: 30 })
    const request = input('a passphrase')
    expect(await failureCode(worker.run(request.input, request.passwordLength, KDF_FLOOR, true))).toBe('KDF_TIMEOUT')
    // Ended for good: a second run is refused at once.
    const again = input('a passphrase')
    expect(await failureCode(worker.run(again.input, again.passwordLength, TINY, true))).toBe('KDF_TIMEOUT')
    expect(new Uint8Array(again.input).every((byte) => byte === 0)).toBe(true)
  })

  it('a worker that hangs, crashes, exits without a word or cannot be found rejects, never hangs', async () => {
    const hang = workerOf(`import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {})`)
    const crash = workerOf(`throw new Error('boom')`)
    const silentExit = workerOf(`import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(0))`)
    const wrongKey = workerOf(
      `import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => parentPort.postMessage({ ok: true, key: new ArrayBuffer(5), ms: 1 }))`,
    )
    const missing = new URL('./no-such-kdf.worker.js', import.meta.url)
    const cases: Array<[URL, string]> = [
      [hang, 'KDF_TIMEOUT'],
      [crash, 'KDF_WORKER_ERROR'],
      [silentExit, 'KDF_WORKER_EXIT'],
      [wrongKey, 'KDF_FAILED'],
      [missing, 'KDF_WORKER_ERROR'],
    ]
    for (const [workerUrl, code] of cases) {
      const worker = openArgon2Worker({ workerUrl, timeoutMs: 500 })
      const request = input('a passphrase')
      expect(await failureCode(worker.run(request.input, request.passwordLength, TINY, true))).toBe(code)
      worker.close()
    }
  })

  it('the time allowed grows with the cost, never under 30 s', () => {
    expect(kdfTimeoutMs(TINY)).toBe(30_000)
    expect(kdfTimeoutMs(KDF_FLOOR)).toBe(30_000)
    expect(kdfTimeoutMs({ memoryKiB: 1024 * 1024, iterations: 64, parallelism: 1 })).toBeGreaterThan(600_000)
  })
})
