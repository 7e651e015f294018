/**
 * Wrapping the 32-byte data key (node:crypto).
 *
 * Passphrase slot: AES-256-GCM under the Argon2id output, 12-byte random nonce, 16-byte tag,
 * associated data from header.ts (passphraseAad).
 *
 * Recovery slot: the recovery key is turned (HKDF-SHA256) into an X25519 private key, fixed for
 * the life of the vault; its public key sits in the header. Each wrap makes an ephemeral X25519
 * pair, agrees a shared secret with the recovery public key, derives the wrapping key with
 * HKDF-SHA256 and wraps with AES-256-GCM. Unwrapping needs the recovery key; wrapping needs only
 * the public key. That is what lets a data-key rotation re-wrap the new key for the recovery
 * key that the person holds on paper, with nothing but their passphrase.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomFillSync,
  type KeyObject,
} from 'node:crypto'
import {
  passphraseAad,
  recoveryAad,
  type HeaderFixed,
  type PassphraseKdfParams,
  type PassphraseSlot,
  type RecoveryIdentity,
  type RecoverySlot,
} from './header'

export const DATA_KEY_BYTES = 32
const NONCE_BYTES = 12
const TAG_BYTES = 16

/** HKDF info strings (ASCII). */
export const RECOVERY_PRIVATE_INFO = 'between-vault/1/recovery-x25519'
export const RECOVERY_WRAP_INFO = 'between-vault/1/recovery-wrap'

const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex')
const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex')

const b64 = (bytes: Buffer): string => bytes.toString('base64')
const unb64 = (text: string): Buffer => Buffer.from(text, 'base64')

/** A fresh random data key in its own (non-pooled) buffer. */
export function generateDataKey(): Buffer {
  const key = Buffer.alloc(DATA_KEY_BYTES)
  randomFillSync(key)
  return key
}

export interface Wrapped {
  nonce: string
  wrappedKey: string
  tag: string
}

export function aesGcmWrap(kek: Buffer, dataKey: Buffer, aad: Buffer): Wrapped {
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(aad)
  const body = Buffer.concat([cipher.update(dataKey), cipher.final()])
  const wrapped = { nonce: b64(nonce), wrappedKey: b64(body), tag: b64(cipher.getAuthTag()) }
  body.fill(0)
  return wrapped
}

/** The unwrapped data key in its own buffer, or null when the tag does not authenticate. */
export function aesGcmUnwrap(kek: Buffer, wrapped: Wrapped, aad: Buffer): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', kek, unb64(wrapped.nonce), { authTagLength: TAG_BYTES })
  decipher.setAAD(aad)
  decipher.setAuthTag(unb64(wrapped.tag))
  const body = decipher.update(unb64(wrapped.wrappedKey))
  try {
    decipher.final()
  } catch {
    body.fill(0)
    return null
  }
  if (body.length !== DATA_KEY_BYTES) {
    body.fill(0)
    return null
  }
  const key = Buffer.alloc(DATA_KEY_BYTES)
  body.copy(key)
  body.fill(0)
  return key
}

/* ---------------------------------------------------------------- passphrase slot */

export function sealPassphraseSlot(
  fixed: HeaderFixed,
  kdf: PassphraseKdfParams,
  recovery: RecoveryIdentity,
  passphraseKey: Buffer,
  dataKey: Buffer,
): PassphraseSlot {
  const wrapped = aesGcmWrap(passphraseKey, dataKey, passphraseAad(fixed, kdf, recovery))
  return { ...kdf, cipher: 'aes-256-gcm', ...wrapped }
}

export function openPassphraseSlot(
  fixed: HeaderFixed,
  slot: PassphraseSlot,
  recovery: RecoveryIdentity,
  passphraseKey: Buffer,
): Buffer | null {
  return aesGcmUnwrap(passphraseKey, slot, passphraseAad(fixed, slot, recovery))
}

/* ---------------------------------------------------------------- recovery slot (X25519) */

function secretConcat(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(a.length + b.length)
  a.copy(out, 0)
  b.copy(out, a.length)
  return out
}

function hkdf32(ikm: Buffer, salt: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(info, 'ascii'), 32))
}

function privateKeyObject(raw: Buffer): KeyObject {
  const der = secretConcat(PKCS8_X25519_PREFIX, raw)
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  } finally {
    der.fill(0)
  }
}

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, raw]), format: 'der', type: 'spki' })
}

function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' })
  return Buffer.from(der.subarray(SPKI_X25519_PREFIX.length))
}

/** HKDF-SHA256(ikm = recovery secret symbols, salt = recovery.salt, info) -> X25519 private key. */
export function deriveRecoveryPrivateKey(secret: Buffer, salt: Buffer): Buffer {
  return hkdf32(secret, salt, RECOVERY_PRIVATE_INFO)
}

/** The recovery identity stored in the header, from the recovery secret and a fresh salt. */
export function recoveryIdentity(secret: Buffer, salt: Buffer): RecoveryIdentity {
  const privateRaw = deriveRecoveryPrivateKey(secret, salt)
  try {
    return { salt: b64(salt), publicKey: b64(rawPublicKey(createPublicKey(privateKeyObject(privateRaw)))) }
  } finally {
    privateRaw.fill(0)
  }
}

function recoveryKek(shared: Buffer, ephemeralPublic: Buffer, recoveryPublic: Buffer): Buffer {
  const salt = Buffer.concat([ephemeralPublic, recoveryPublic])
  return hkdf32(shared, salt, RECOVERY_WRAP_INFO)
}

/** Wraps the data key for the recovery key, knowing only its public key. */
export function sealRecoverySlot(fixed: HeaderFixed, recovery: RecoveryIdentity, dataKey: Buffer): RecoverySlot {
  const recoveryPublic = unb64(recovery.publicKey)
  const ephemeral = generateKeyPairSync('x25519')
  const ephemeralPublic = rawPublicKey(ephemeral.publicKey)
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recoveryPublic) })
  const kek = recoveryKek(shared, ephemeralPublic, recoveryPublic)
  shared.fill(0)
  try {
    const ephemeralPublicKey = b64(ephemeralPublic)
    const wrapped = aesGcmWrap(kek, dataKey, recoveryAad(fixed, recovery, ephemeralPublicKey))
    return {
      kdf: 'hkdf-sha256',
      agreement: 'x25519',
      salt: recovery.salt,
      publicKey: recovery.publicKey,
      ephemeralPublicKey,
      cipher: 'aes-256-gcm',
      ...wrapped,
    }
  } finally {
    kek.fill(0)
  }
}

/** Unwraps with the recovery secret; null when it is not this vault's recovery key. */
export function openRecoverySlot(fixed: HeaderFixed, slot: RecoverySlot, secret: Buffer): Buffer | null {
  const privateRaw = deriveRecoveryPrivateKey(secret, unb64(slot.salt))
  let shared: Buffer
  try {
    shared = diffieHellman({
      privateKey: privateKeyObject(privateRaw),
      publicKey: publicKeyObject(unb64(slot.ephemeralPublicKey)),
    })
  } catch {
    // A degenerate ephemeral key (all-zero shared secret) cannot come from Between.
    return null
  } finally {
    privateRaw.fill(0)
  }
  const kek = recoveryKek(shared, unb64(slot.ephemeralPublicKey), unb64(slot.publicKey))
  shared.fill(0)
  try {
    return aesGcmUnwrap(kek, slot, recoveryAad(fixed, slot, slot.ephemeralPublicKey))
  } finally {
    kek.fill(0)
  }
}
