/**
 * Passphrase -> key-encryption key, with Argon2id (hash-wasm).
 *
 * Input: the passphrase, Unicode NFC-normalised, as UTF-8 bytes (no trimming). Output: 32 bytes.
 * Argon2 version 0x13 (19), type id, no secret, no associated data. Parameters and the 16-byte
 * salt live in the header. The cost is calibrated once, at creation, on the creating machine.
 */
import { argon2id } from 'hash-wasm'
import { CoreError } from '../errors'
import type { KdfCost } from '../ports'

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

/** Throws WEAK_PASSPHRASE for fewer than 8 characters (code points, after NFC). */
export function assertPassphraseFloor(passphrase: string): void {
  if ([...normalizePassphrase(passphrase)].length < MIN_PASSPHRASE_CHARS) throw new CoreError('WEAK_PASSPHRASE')
}

async function argon2Raw(password: Uint8Array, salt: Uint8Array, cost: KdfCost): Promise<Buffer> {
  const raw = await argon2id({
    password,
    salt,
    parallelism: cost.parallelism,
    iterations: cost.iterations,
    memorySize: cost.memoryKiB,
    hashLength: KDF_KEY_BYTES,
    outputType: 'binary',
  })
  const key = Buffer.alloc(KDF_KEY_BYTES)
  key.set(raw)
  raw.fill(0)
  return key
}

/** Derives the 32-byte passphrase key. The caller zeroes the result. */
export async function derivePassphraseKey(passphrase: string, salt: Buffer, cost: KdfCost): Promise<Buffer> {
  const password = Buffer.from(normalizePassphrase(passphrase), 'utf8')
  try {
    return await argon2Raw(password, salt, cost)
  } finally {
    password.fill(0)
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
  const password = Buffer.from('between-calibration', 'ascii')
  const salt = Buffer.alloc(KDF_SALT_BYTES, 0x5a)
  const timeArgon2 = async (cost: KdfCost): Promise<number> => {
    const start = performance.now()
    ;(await argon2Raw(password, salt, cost)).fill(0)
    return performance.now() - start
  }
  const measure = options.measure ?? timeArgon2

  // Compile and instantiate the WebAssembly module outside the measurement.
  if (!options.measure) await timeArgon2({ memoryKiB: 8 * MIB, iterations: 1, parallelism: 1 })
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
