/**
 * One sealed file in the sync folder: AES-256-GCM under the sync key, the file's identity
 * (format, key epoch, device id, sequence) bound in as associated data, its plaintext deflated
 * and padded so that the file's size is one of a few buckets.
 *
 * Layout: version (1 byte = 1) | key epoch (4 bytes, big-endian) | nonce (12) | ciphertext | tag (16).
 * Plaintext: payload length (4 bytes, big-endian) | deflated payload | zero padding.
 */
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'
import { deflateRaw, deflateRawSync, inflateRaw, inflateRawSync } from 'node:zlib'

/** zlib's callback forms run on libuv's thread pool: a large snapshot is (in)flated off the main thread. */
const deflateOffThread = promisify(deflateRaw)
const inflateOffThread = promisify(inflateRaw)

export const SEALED_VERSION = 1
const PREFIX_BYTES = 1 + 4 + 12
const TAG_BYTES = 16
const OVERHEAD = PREFIX_BYTES + TAG_BYTES + 4
export const SYNC_KEY_BYTES = 32
const MIB = 1024 * 1024

/** File sizes a sealed file can have: small steps, then whole mebibytes. */
const SMALL_BUCKETS = [512, 1024, 4096, 16 * 1024, 64 * 1024, 256 * 1024, MIB]

export function bucketFor(bytes: number): number {
  for (const bucket of SMALL_BUCKETS) if (bytes <= bucket) return bucket
  return Math.ceil(bytes / MIB) * MIB
}

export const isBucketSize = (size: number): boolean =>
  size > 0 && (SMALL_BUCKETS.includes(size) || (size > MIB && size % MIB === 0))

/** What a sealed file is, bound into its tag: a file cannot be renamed, moved or replayed as another. */
export interface SealedIdentity {
  /** 'op': a device's operation file; 'snapshot': a compacted snapshot; 'roster': the header's device list. */
  kind: 'op' | 'snapshot' | 'roster'
  device: string
  sequence: number
}

/** Key objects made once per key buffer: preparing a raw key is a large share of sealing a small file. */
const keyObjects = new WeakMap<Buffer, KeyObject>()
function keyObject(key: Buffer): KeyObject {
  let object = keyObjects.get(key)
  if (!object) {
    object = createSecretKey(key)
    keyObjects.set(key, object)
  }
  return object
}

const aad = (epoch: number, id: SealedIdentity): Buffer =>
  Buffer.from(`between-sync/${SEALED_VERSION}/${id.kind}/${epoch}/${id.device}/${id.sequence}`, 'ascii')

export const sealFile = (key: Buffer, epoch: number, id: SealedIdentity, payload: Buffer): Buffer =>
  sealDeflated(key, epoch, id, deflateRawSync(payload))

/** sealFile with the deflating on the thread pool (AES-GCM of one buffer stays here: about 1 ms per MiB). */
export const sealFileOffThread = async (key: Buffer, epoch: number, id: SealedIdentity, payload: Buffer): Promise<Buffer> =>
  sealDeflated(key, epoch, id, await deflateOffThread(payload))

function sealDeflated(key: Buffer, epoch: number, id: SealedIdentity, deflated: Buffer): Buffer {
  const size = bucketFor(deflated.length + OVERHEAD)
  const plain = Buffer.alloc(size - PREFIX_BYTES - TAG_BYTES)
  plain.writeUInt32BE(deflated.length, 0)
  deflated.copy(plain, 4)
  const out = Buffer.alloc(size)
  out.writeUInt8(SEALED_VERSION, 0)
  out.writeUInt32BE(epoch, 1)
  const nonce = randomBytes(12)
  nonce.copy(out, 5)
  const cipher = createCipheriv('aes-256-gcm', keyObject(key), nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(aad(epoch, id))
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  body.copy(out, PREFIX_BYTES)
  cipher.getAuthTag().copy(out, PREFIX_BYTES + body.length)
  return out
}

/**
 * Why a file could not be opened. 'incomplete': not (yet) a whole sealed file — a transfer in
 * progress, a truncated copy or a placeholder; wait for it. 'key': sealed under a key epoch this
 * device does not hold yet; wait for the header. 'forged': whole, but it does not authenticate.
 */
export type OpenFailure = 'incomplete' | 'key' | 'forged'

export type Opened = { ok: true; payload: Buffer } | { ok: false; why: OpenFailure }

export const sealedEpoch = (bytes: Buffer): number | null =>
  bytes.length >= PREFIX_BYTES && bytes.readUInt8(0) === SEALED_VERSION ? bytes.readUInt32BE(1) : null

export function openFile(keys: ReadonlyMap<number, Buffer>, id: SealedIdentity, bytes: Buffer): Opened {
  const unsealed = unseal(keys, id, bytes)
  if (!unsealed.ok) return unsealed
  try {
    return { ok: true, payload: inflateRawSync(unsealed.payload) }
  } catch {
    return { ok: false, why: 'forged' }
  }
}

/** openFile with the inflating on the thread pool. */
export async function openFileOffThread(keys: ReadonlyMap<number, Buffer>, id: SealedIdentity, bytes: Buffer): Promise<Opened> {
  const unsealed = unseal(keys, id, bytes)
  if (!unsealed.ok) return unsealed
  try {
    return { ok: true, payload: await inflateOffThread(unsealed.payload) }
  } catch {
    return { ok: false, why: 'forged' }
  }
}

/** The deflated payload of a file that authenticates. */
function unseal(keys: ReadonlyMap<number, Buffer>, id: SealedIdentity, bytes: Buffer): Opened {
  if (!isBucketSize(bytes.length)) return { ok: false, why: 'incomplete' }
  const epoch = sealedEpoch(bytes)
  if (epoch === null) return { ok: false, why: 'forged' }
  const key = keys.get(epoch)
  if (!key) return { ok: false, why: 'key' }
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), bytes.subarray(5, PREFIX_BYTES), { authTagLength: TAG_BYTES })
  decipher.setAAD(aad(epoch, id))
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
  const plain = decipher.update(bytes.subarray(PREFIX_BYTES, bytes.length - TAG_BYTES))
  try {
    decipher.final()
  } catch {
    return { ok: false, why: 'forged' }
  }
  const length = plain.readUInt32BE(0)
  if (length > plain.length - 4) return { ok: false, why: 'forged' }
  return { ok: true, payload: plain.subarray(4, 4 + length) }
}
