/**
 * Passphrase -> key-encryption key, with Argon2id (hash-wasm).
 *
 * Input: the passphrase, Unicode NFC-normalised, as UTF-8 bytes (no trimming). Output: 32 bytes.
 * Argon2 version 0x13 (19), type id, no secret, no associated data. Parameters and the 16-byte
 * salt live in the header. The cost is calibrated once, at creation, on the creating machine.
 *
 * Every Argon2id run happens in a short-lived worker thread (kdf.worker.ts), never on the main
 * thread: the UI stays responsive during an unlock, and hash-wasm's 64+ MiB of WebAssembly memory
 * is handed back to the operating system when the thread exits, instead of waiting for a
 * garbage collection of the main isolate.
 */
import { Worker } from 'node:worker_threads'
import { workerUrl } from '../workers/worker-path'
import { LONE_SURROGATE } from '../../../shared/ipc/schemas/vault'
import { CoreError } from '../errors'
import type { KdfCost } from '../ports'
import type { KdfFailure, KdfReply, KdfRequest } from './kdf.worker'

/** Never below this, whatever the machine: 64 MiB, 3 passes, 1 lane. */
export const KDF_FLOOR: Readonly<KdfCost> = Object.freeze({ memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 })

export const KDF_KEY_BYTES = 32
export const KDF_SALT_BYTES = 16

/** Bounds accepted when reading a header: tampered costs must not hang or crash the app. */
export const KDF_LIMITS = Object.freeze({ maxMemoryKiB: 1024 * 1024, maxIterations: 64, maxParallelism: 16 })

/** The core's floor for a new passphrase; the UI does the real strength estimate. */
export const MIN_PASSPHRASE_CHARS = 8

export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC')
}

/**
 * Throws WEAK_PASSPHRASE for fewer than 8 characters (code points, after NFC), and INVALID_INPUT
 * for a lone UTF-16 surrogate (it has no UTF-8 form: every lone surrogate would derive the same key).
 */
export function assertPassphraseFloor(passphrase: string): void {
  if (LONE_SURROGATE.test(passphrase)) throw new CoreError('INVALID_INPUT', { field: 'passphrase' })
  if ([...normalizePassphrase(passphrase)].length < MIN_PASSPHRASE_CHARS) throw new CoreError('WEAK_PASSPHRASE')
}

type KdfErrorCode = KdfFailure | 'KDF_TIMEOUT' | 'KDF_WORKER_ERROR' | 'KDF_WORKER_EXIT'

/** Every KDF failure is INTERNAL to the caller; the cause says which (never a message, never a secret). */
const kdfError = (code: KdfErrorCode): CoreError => new CoreError('INTERNAL', { cause: { code } })

/** The worker's file: out/main/kdf.worker.mjs when built, kdf.worker.ts from the sources (workers/worker-path.ts). */
export function kdfWorkerUrl(): URL {
  return workerUrl('kdf', new URL('./kdf.worker.ts', import.meta.url))
}

/**
 * Generous enough for any machine that can open the vault at all (2 s per unit of the floor's
 * work, 64 MiB x 3 passes, and never under 30 s); a stuck or runaway worker is ended after it.
 */
export function kdfTimeoutMs(cost: KdfCost): number {
  const units = (cost.memoryKiB / KDF_FLOOR.memoryKiB) * (cost.iterations / KDF_FLOOR.iterations)
  return Math.max(30_000, Math.ceil(2_000 * units))
}

/** Password bytes then salt, in an ArrayBuffer of their own (never Buffer's shared pool), to be transferred. */
function packInput(password: string, salt: Uint8Array): { input: ArrayBuffer; passwordLength: number } {
  // The same bytes as Buffer.from(password, 'utf8'): lone surrogates become U+FFFD either way.
  const passwordLength = Buffer.byteLength(password, 'utf8')
  const input = new ArrayBuffer(passwordLength + salt.length)
  const bytes = new Uint8Array(input)
  new TextEncoder().encodeInto(password, bytes)
  bytes.set(salt, passwordLength)
  return { input, passwordLength }
}

export interface Argon2Result {
  /** The caller zeroes it. Its own 32-byte ArrayBuffer, moved from the worker. */
  key: Buffer
  /** Milliseconds the Argon2id run itself took in the worker (no start-up, no messaging). */
  ms: number
}

export interface Argon2WorkerOptions {
  /** Tests point this at the built worker or at a misbehaving one. */
  workerUrl?: URL
  /** Default: kdfTimeoutMs(cost) for each run. */
  timeoutMs?: number
}

export interface Argon2Worker {
  /** Transfers `input` (password bytes then salt) to the worker; it is zeroed there, or here if it never left. */
  run(input: ArrayBuffer, passwordLength: number, cost: KdfCost, last: boolean): Promise<Argon2Result>
  /** Ends the thread (and its memory). Idempotent. */
  close(): void
}

/**
 * One worker thread, one run at a time. Any failure — bad parameters, memory that cannot be
 * had, a crash, an exit without an answer, no answer in time — rejects the run with INTERNAL
 * and ends the thread; nothing is logged.
 */
export function openArgon2Worker(options: Argon2WorkerOptions = {}): Argon2Worker {
  let broken: CoreError | null = null
  let closed = false
  let pending: { resolve: (result: Argon2Result) => void; reject: (error: CoreError) => void; timer: NodeJS.Timeout } | null = null

  const url = options.workerUrl ?? kdfWorkerUrl()
  // The built .js needs none of the parent's flags (a quicker start); nor does the .ts where Node
  // strips types itself. Only an older Node under tsx needs the parent's loader flags to run it.
  const inheritFlags = url.pathname.endsWith('.ts') && !process.features.typescript
  let worker: Worker
  try {
    worker = new Worker(url, inheritFlags ? {} : { execArgv: [] })
  } catch {
    broken = kdfError('KDF_WORKER_ERROR')
    return {
      run: (input) => {
        new Uint8Array(input).fill(0)
        return Promise.reject(broken)
      },
      close: () => {},
    }
  }

  const close = (): void => {
    if (closed) return
    closed = true
    worker.terminate().catch(() => {})
  }
  const fail = (error: CoreError): void => {
    broken ??= error
    const waiting = pending
    pending = null
    if (waiting) {
      clearTimeout(waiting.timer)
      waiting.reject(error)
    }
    close()
  }

  worker.on('message', (reply: KdfReply) => {
    const key = reply.ok && reply.key instanceof ArrayBuffer ? Buffer.from(reply.key) : null
    const waiting = pending
    if (!waiting || !reply.ok || key?.length !== KDF_KEY_BYTES) {
      // A failure, a malformed answer, or an answer nobody waits for any more: wipe, reject, end.
      key?.fill(0)
      if (waiting) fail(kdfError(reply.ok ? 'KDF_FAILED' : reply.failure))
      return
    }
    pending = null
    clearTimeout(waiting.timer)
    waiting.resolve({ key, ms: reply.ms })
  })
  worker.on('error', (error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code
    fail(kdfError(code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'KDF_OUT_OF_MEMORY' : 'KDF_WORKER_ERROR'))
  })
  worker.on('messageerror', () => fail(kdfError('KDF_WORKER_ERROR')))
  worker.on('exit', () => {
    closed = true
    fail(kdfError('KDF_WORKER_EXIT'))
  })

  return {
    run(input, passwordLength, cost, last) {
      if (broken || closed || pending) {
        new Uint8Array(input).fill(0)
        return Promise.reject(broken ?? kdfError('KDF_WORKER_EXIT'))
      }
      return new Promise<Argon2Result>((resolve, reject) => {
        const timer = setTimeout(() => fail(kdfError('KDF_TIMEOUT')), options.timeoutMs ?? kdfTimeoutMs(cost))
        timer.unref()
        pending = { resolve, reject, timer }
        const request: KdfRequest = {
          input,
          passwordLength,
          memoryKiB: cost.memoryKiB,
          iterations: cost.iterations,
          parallelism: cost.parallelism,
          hashLength: KDF_KEY_BYTES,
          last,
        }
        try {
          worker.postMessage(request, [input])
        } catch {
          fail(kdfError('KDF_WORKER_ERROR'))
        } finally {
          // Transferred, the buffer is detached (length 0) here; if it never left, wipe it.
          if (input.byteLength > 0) new Uint8Array(input).fill(0)
        }
      })
    },
    close,
  }
}

/** Derives the 32-byte passphrase key in a worker thread of its own. The caller zeroes the result. */
export async function derivePassphraseKey(passphrase: string, salt: Buffer, cost: KdfCost): Promise<Buffer> {
  const worker = openArgon2Worker()
  try {
    const { input, passwordLength } = packInput(normalizePassphrase(passphrase), salt)
    return (await worker.run(input, passwordLength, cost, true)).key
  } finally {
    worker.close()
  }
}

export interface CalibrationOptions {
  /** Aim for this unlock time. */
  targetMs?: number
  /** Accept a measured cost at or above this as is. */
  lowMs?: number
  /** Step back from a choice that measures above this. */
  highMs?: number
  /** Memory is raised first, up to this; then passes. */
  maxMemoryKiB?: number
  /** Milliseconds one derivation at `cost` takes. Default: time a real Argon2id run. Tests model machines with it. */
  measure?: (cost: KdfCost) => Promise<number>
}

export interface Calibration {
  cost: KdfCost
  /** Milliseconds measured for the chosen cost. */
  measuredMs: number
}

const MIB = 1024

/**
 * Picks an Argon2id cost for this machine: unlock in 0.25–1 s, never below 64 MiB / t=3.
 *
 * Measures the floor; if that is already >= lowMs (or even above 1 s) the floor is the answer.
 * Otherwise scales towards targetMs, raising memory first (to maxMemoryKiB, 256 MiB by default,
 * so a machine with less RAM can still open the vault) and then the number of passes, and
 * checks the choice once, stepping back if it measured above highMs.
 */
export async function calibrateKdf(options: CalibrationOptions = {}): Promise<Calibration> {
  const targetMs = options.targetMs ?? 500
  const lowMs = options.lowMs ?? 250
  const highMs = options.highMs ?? 1000
  const maxMemoryKiB = Math.max(options.maxMemoryKiB ?? 256 * MIB, KDF_FLOOR.memoryKiB)
  const salt = Buffer.alloc(KDF_SALT_BYTES, 0x5a)
  // One worker for every trial run (it keeps the compiled module between them), ended at the end.
  const session: { worker: Argon2Worker | null } = { worker: null }
  const timeArgon2 = async (cost: KdfCost): Promise<number> => {
    session.worker ??= openArgon2Worker()
    const { input, passwordLength } = packInput('between-calibration', salt)
    const { key, ms } = await session.worker.run(input, passwordLength, cost, false)
    key.fill(0)
    return ms
  }
  try {
    return await pickCost(options.measure ?? timeArgon2, !options.measure, { targetMs, lowMs, highMs, maxMemoryKiB })
  } finally {
    session.worker?.close()
  }
}

async function pickCost(
  measure: (cost: KdfCost) => Promise<number>,
  warmUp: boolean,
  { targetMs, lowMs, highMs, maxMemoryKiB }: { targetMs: number; lowMs: number; highMs: number; maxMemoryKiB: number },
): Promise<Calibration> {
  // Compile and instantiate the WebAssembly module outside the measurement.
  if (warmUp) await measure({ memoryKiB: 8 * MIB, iterations: 1, parallelism: 1 })
  const floor: KdfCost = { ...KDF_FLOOR }
  const floorMs = await measure(floor)
  if (floorMs >= lowMs) return { cost: floor, measuredMs: floorMs }

  const scale = (factor: number): KdfCost => {
    const memoryKiB = Math.max(
      KDF_FLOOR.memoryKiB,
      Math.min(maxMemoryKiB, Math.floor((KDF_FLOOR.memoryKiB * factor) / MIB) * MIB),
    )
    const rest = factor / (memoryKiB / KDF_FLOOR.memoryKiB)
    const iterations = Math.min(KDF_LIMITS.maxIterations, Math.max(KDF_FLOOR.iterations, Math.floor(KDF_FLOOR.iterations * rest)))
    return { memoryKiB, iterations, parallelism: 1 }
  }

  const factor = targetMs / Math.max(floorMs, 1)
  let cost = scale(factor)
  let ms = await measure(cost)
  if (ms > highMs) {
    // Slower than linear (memory pressure): aim lower once, never under the floor.
    cost = scale(Math.max(1, factor * (targetMs / ms)))
    ms = await measure(cost)
    if (ms > highMs) return { cost: floor, measuredMs: floorMs }
  }
  return { cost, measuredMs: ms }
}
