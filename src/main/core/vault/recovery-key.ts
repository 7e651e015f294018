/**
 * The recovery key: what the person writes down once, and types if they forget the passphrase.
 *
 * Format (docs/file-format.md, "Recovery key"):
 *   - 26 random symbols of Crockford base32 (0-9, A-Z without I, L, O, U): 130 bits of entropy;
 *   - 4 checksum symbols: the first 20 bits of SHA-256 over the 26 secret symbols (as ASCII),
 *     written as 4 base32 symbols, most significant first;
 *   - shown as 6 groups of 5 joined by "-": `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-CCCCC` (the last group
 *     ends with the checksum).
 * Reading is case-insensitive and ignores spaces, hyphens, dots and underscores; O reads as 0 and
 * I/L read as 1 (Crockford). A wrong length, a foreign symbol or a checksum mismatch is
 * INVALID_RECOVERY_KEY_FORMAT, found before any key derivation runs.
 *
 * The key's "secret" is the 26 canonical symbols as ASCII bytes; it is the input keying material
 * of HKDF-SHA256 (see recovery-wrap in wrap.ts). A fast KDF is enough: 130 random bits cannot be
 * guessed, so stretching would buy nothing.
 */
import { createHash, randomBytes } from 'node:crypto'
import { CoreError } from '../errors'

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const RECOVERY_SECRET_SYMBOLS = 26
export const RECOVERY_CHECKSUM_SYMBOLS = 4
export const RECOVERY_KEY_SYMBOLS = RECOVERY_SECRET_SYMBOLS + RECOVERY_CHECKSUM_SYMBOLS
const GROUP = 5

const SEPARATOR = /[\s\-_.\u2010-\u2015\u2212]/u
const ALIASES: Record<string, string> = { O: '0', I: '1', L: '1' }

/** The 4 checksum symbols (as ASCII codes) for 26 secret symbols. */
function checksumSymbols(secret: Buffer): number[] {
  const digest = createHash('sha256').update(secret).digest()
  const bits20 = ((digest[0] as number) << 12) | ((digest[1] as number) << 4) | ((digest[2] as number) >> 4)
  const out: number[] = []
  for (let shift = 15; shift >= 0; shift -= 5) out.push(CROCKFORD_ALPHABET.charCodeAt((bits20 >> shift) & 31))
  return out
}

/** `XXXXX-XXXXX-...` from 30 canonical symbols. */
function group(symbols: Buffer): string {
  const parts: string[] = []
  for (let i = 0; i < symbols.length; i += GROUP) parts.push(symbols.subarray(i, i + GROUP).toString('ascii'))
  return parts.join('-')
}

export interface GeneratedRecoveryKey {
  /** What the person sees once: 6 groups of 5 symbols. */
  display: string
  /** The 26 secret symbols as ASCII bytes: the HKDF input. Zero it after use. */
  secret: Buffer
}

export function generateRecoveryKey(): GeneratedRecoveryKey {
  const random = randomBytes(RECOVERY_SECRET_SYMBOLS)
  const symbols = Buffer.alloc(RECOVERY_KEY_SYMBOLS)
  for (let i = 0; i < RECOVERY_SECRET_SYMBOLS; i++) {
    // 256 is a multiple of 32, so `& 31` picks each symbol uniformly.
    symbols[i] = CROCKFORD_ALPHABET.charCodeAt((random[i] as number) & 31)
  }
  random.fill(0)
  const secret = Buffer.alloc(RECOVERY_SECRET_SYMBOLS)
  symbols.copy(secret, 0, 0, RECOVERY_SECRET_SYMBOLS)
  checksumSymbols(secret).forEach((code, i) => (symbols[RECOVERY_SECRET_SYMBOLS + i] = code))
  const display = group(symbols)
  symbols.fill(0)
  return { display, secret }
}

/**
 * Reads a typed recovery key. Returns the 26 secret symbols as ASCII bytes (zero them after use);
 * throws CoreError('INVALID_RECOVERY_KEY_FORMAT') for anything that is not a well-formed key.
 * Pure string work plus one SHA-256: no key derivation, no file access.
 */
export function parseRecoveryKey(input: string): Buffer {
  const symbols = Buffer.alloc(RECOVERY_KEY_SYMBOLS)
  let count = 0
  let valid = true
  for (const raw of input) {
    if (SEPARATOR.test(raw)) continue
    const upper = raw.toUpperCase()
    const char = ALIASES[upper] ?? upper
    const index = char.length === 1 ? CROCKFORD_ALPHABET.indexOf(char) : -1
    if (index < 0 || count >= RECOVERY_KEY_SYMBOLS) {
      valid = false
      break
    }
    symbols[count++] = CROCKFORD_ALPHABET.charCodeAt(index)
  }
  if (!valid || count !== RECOVERY_KEY_SYMBOLS) {
    symbols.fill(0)
    throw new CoreError('INVALID_RECOVERY_KEY_FORMAT')
  }
  const secret = Buffer.alloc(RECOVERY_SECRET_SYMBOLS)
  symbols.copy(secret, 0, 0, RECOVERY_SECRET_SYMBOLS)
  const expected = checksumSymbols(secret)
  const matches = expected.every((code, i) => symbols[RECOVERY_SECRET_SYMBOLS + i] === code)
  symbols.fill(0)
  if (!matches) {
    secret.fill(0)
    throw new CoreError('INVALID_RECOVERY_KEY_FORMAT')
  }
  return secret
}

/** The canonical display form of a typed key (for tests and for showing it back). */
export function normalizeRecoveryKey(input: string): string {
  const secret = parseRecoveryKey(input)
  const symbols = Buffer.alloc(RECOVERY_KEY_SYMBOLS)
  secret.copy(symbols)
  checksumSymbols(secret).forEach((code, i) => (symbols[RECOVERY_SECRET_SYMBOLS + i] = code))
  secret.fill(0)
  const display = group(symbols)
  symbols.fill(0)
  return display
}
