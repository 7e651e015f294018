/**
 * Argon2id in a worker thread of its own. kdf.ts starts one per derivation (one per calibration)
 * and ends it as soon as it has answered: hash-wasm's 64+ MiB of WebAssembly memory goes with
 * the thread, back to the operating system, and the main thread never blocks on the KDF.
 *
 * Runs as is in three places, so: erasable TypeScript only (no enums, namespaces or parameter
 * properties), no relative imports, `import type` for types.
 *  - from the sources (vitest, tsx): Node strips the types of this .ts file;
 *  - built: electron-vite emits it as out/main/kdf.worker.mjs, a main entry of its own
 *    (the pattern: src/main/core/workers/worker-path.ts).
 *
 * Protocol, one request at a time: the request transfers an ArrayBuffer holding the password
 * bytes then the salt; this thread zeroes it after use. The reply transfers the key's own
 * 32-byte ArrayBuffer, or names a failure; it never carries an error message, never logs.
 */
import { parentPort } from 'node:worker_threads'
import { argon2id } from 'hash-wasm'

export interface KdfRequest {
  /** `passwordLength` bytes of password, then the salt. Transferred; zeroed here. */
  input: ArrayBuffer
  passwordLength: number
  memoryKiB: number
  iterations: number
  parallelism: number
  hashLength: number
  /** The last request: the thread closes its port and exits after answering. */
  last: boolean
}

export type KdfFailure = 'KDF_BAD_PARAMS' | 'KDF_OUT_OF_MEMORY' | 'KDF_FAILED'

export type KdfReply =
  | { ok: true; key: ArrayBuffer; ms: number }
  | { ok: false; failure: KdfFailure }

const isCount = (n: unknown, min: number): n is number => Number.isSafeInteger(n) && (n as number) >= min

/** Checked here rather than left to hash-wasm, whose checks throw plain Errors with messages. */
function checkRequest(request: KdfRequest): KdfFailure | null {
  const { input, passwordLength, memoryKiB, iterations, parallelism, hashLength } = request
  if (!(input instanceof ArrayBuffer) || !isCount(passwordLength, 1) || input.byteLength - passwordLength < 8) return 'KDF_BAD_PARAMS'
  if (!isCount(iterations, 1) || !isCount(parallelism, 1) || !isCount(hashLength, 4) || !isCount(memoryKiB, 8 * parallelism)) return 'KDF_BAD_PARAMS'
  // hash-wasm asks its 32-bit WebAssembly memory for 1024 * memoryKiB + 1024 bytes.
  if (memoryKiB >= 4 * 1024 * 1024 - 1) return 'KDF_OUT_OF_MEMORY'
  return null
}

/** What is left once the request is valid: the memory could not be had (a failed grow), or else. */
const failureOf = (error: unknown): KdfFailure =>
  error instanceof RangeError || (error instanceof Error && error.name === 'RuntimeError') ? 'KDF_OUT_OF_MEMORY' : 'KDF_FAILED'

async function derive(request: KdfRequest): Promise<{ reply: KdfReply; transfer: ArrayBuffer[] }> {
  const input = new Uint8Array(request.input instanceof ArrayBuffer ? request.input : new ArrayBuffer(0))
  try {
    const invalid = checkRequest(request)
    if (invalid) return { reply: { ok: false, failure: invalid }, transfer: [] }
    const password = input.subarray(0, request.passwordLength)
    const salt = input.subarray(request.passwordLength)
    const start = performance.now()
    const raw = await argon2id({
      password,
      salt,
      parallelism: request.parallelism,
      iterations: request.iterations,
      memorySize: request.memoryKiB,
      hashLength: request.hashLength,
      outputType: 'binary',
    })
    const ms = performance.now() - start
    // A buffer of the key's own size, so the transfer moves nothing else.
    const key = new Uint8Array(new ArrayBuffer(raw.length))
    key.set(raw)
    raw.fill(0)
    return { reply: { ok: true, key: key.buffer, ms }, transfer: [key.buffer] }
  } catch (error) {
    return { reply: { ok: false, failure: failureOf(error) }, transfer: [] }
  } finally {
    input.fill(0)
  }
}

const port = parentPort
if (port) {
  port.on('message', (request: KdfRequest) => {
    void derive(request).then(({ reply, transfer }) => {
      port.postMessage(reply, transfer)
      if (request.last) port.close()
    })
  })
}
