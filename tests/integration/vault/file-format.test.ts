/**
 * docs/file-format.md, followed literally and independently of src/main/core/vault: the header is
 * read as plain JSON, the key derived with hash-wasm's Argon2id or with node:crypto's HKDF and
 * X25519, unwrapped with node:crypto's AES-256-GCM, and the database opened on a fresh
 * better-sqlite3-multiple-ciphers connection with the documented pragmas. The associated-data
 * templates are read out of the document itself, so a change to either side fails here.
 * (The vault code is used only to produce a vault to recover.)
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { argon2id } from 'hash-wasm'
import { createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, hkdfSync } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupTempDirs, makeVault, vaultDir } from './vault-fixtures'

afterEach(cleanupTempDirs)

const DOC = readFileSync(new URL('../../../docs/file-format.md', import.meta.url), 'utf8')
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const NOTE = 'Thursday: I want to talk about the holidays — ça va aller.'
/** Typed in decomposed form (e + combining acute); the document says NFC. */
const PASSPHRASE = 'Cafe\u0301 au lait, s’il vous plai\u0302t'

type Header = Record<string, unknown> & {
  version: number
  passphrase: Record<string, string | number>
  recovery: Record<string, string>
}

const b64 = (text: unknown) => Buffer.from(String(text), 'base64')

/** The AAD template of `slot` exactly as printed in the document, with its <placeholders> filled. */
function aadFromDocument(slot: 'passphrase' | 'recovery', header: Header): Buffer {
  const template = DOC.split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith(`between-vault/1/${slot}|`))
  if (!template) throw new Error(`no AAD template for ${slot} in the document`)
  const filled = template.replace(/<([A-Za-z.]+)>/g, (_, name: string) => {
    const [first, second] = name.split('.') as [string, string | undefined]
    const value = second !== undefined ? (header[first] as Record<string, unknown>)[second] : (header[first] ?? header.passphrase[first])
    if (value === undefined) throw new Error(`unknown placeholder <${name}>`)
    return String(value)
  })
  return Buffer.from(filled, 'ascii')
}

function aesGcmDecrypt(key: Buffer, slot: Record<string, unknown>, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, b64(slot.nonce))
  decipher.setAAD(aad)
  decipher.setAuthTag(b64(slot.tag))
  return Buffer.concat([decipher.update(b64(slot.wrappedKey)), decipher.final()])
}

/** "The passphrase wrap", steps 1–3. */
async function keyFromPassphrase(header: Header, passphrase: string): Promise<Buffer> {
  const p = header.passphrase
  expect(p.kdf).toBe('argon2id')
  expect(p.argon2Version).toBe(19)
  const kek = Buffer.from(
    await argon2id({
      password: Buffer.from(passphrase.normalize('NFC'), 'utf8'),
      salt: b64(p.salt),
      iterations: Number(p.iterations),
      memorySize: Number(p.memoryKiB),
      parallelism: Number(p.parallelism),
      hashLength: 32,
      outputType: 'binary',
    }),
  )
  return aesGcmDecrypt(kek, p, aadFromDocument('passphrase', header))
}

/** The key script's SEPARATORS and its looks_like_recovery_key test, as printed in the document. */
const SEPARATORS = new RegExp((/^SEPARATORS = r"(.+)"$/m.exec(DOC) ?? [])[1] ?? 'missing', 'gu')
const LOOKS_LIKE = (/^looks_like_recovery_key = re\.fullmatch\(r"(.+?)", re\.sub\(SEPARATORS, "", typed\)\) is not None$/m.exec(DOC) ?? [])[1] ?? 'missing'
const looksLikeRecoveryKey = (typed: string): boolean => new RegExp(`^(?:${LOOKS_LIKE})$`, 'u').test(typed.replace(SEPARATORS, ''))

/** "The recovery key and its wrap": reading rules, checksum, steps 1–6. */
function keyFromRecoveryKey(header: Header, typed: string): Buffer {
  const symbols = typed
    .toUpperCase()
    .replace(SEPARATORS, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  expect(symbols).toMatch(/^[0-9A-HJKMNP-TV-Z]{30}$/)
  const secret = Buffer.from(symbols.slice(0, 26), 'ascii')
  const d = createHash('sha256').update(secret).digest()
  const bits = ((d[0] as number) << 12) | ((d[1] as number) << 4) | ((d[2] as number) >> 4)
  expect(symbols.slice(26)).toBe([15, 10, 5, 0].map((shift) => ALPHABET[(bits >> shift) & 31]).join(''))

  const r = header.recovery
  expect([r.kdf, r.agreement]).toEqual(['hkdf-sha256', 'x25519'])
  const privateRaw = Buffer.from(hkdfSync('sha256', secret, b64(r.salt), 'between-vault/1/recovery-x25519', 32))
  // RFC 8410 PKCS#8 / SPKI wrappers around the raw 32-byte X25519 keys.
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), privateRaw]), format: 'der', type: 'pkcs8' })
  const publicOf = (raw: Buffer) => createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), raw]), format: 'der', type: 'spki' })
  // The header's public key is X25519(recoveryPrivate, 9).
  expect(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(12).toString('base64')).toBe(r.publicKey)
  const shared = diffieHellman({ privateKey, publicKey: publicOf(b64(r.ephemeralPublicKey)) })
  const kek = Buffer.from(
    hkdfSync('sha256', shared, Buffer.concat([b64(r.ephemeralPublicKey), b64(r.publicKey)]), 'between-vault/1/recovery-wrap', 32),
  )
  return aesGcmDecrypt(kek, r, aadFromDocument('recovery', header))
}

/** "Step 2 — open the database", SQLite3 Multiple Ciphers variant, statement by statement. */
function readNotes(path: string, key: Buffer): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    db.exec("PRAGMA cipher = 'sqlcipher';")
    db.exec('PRAGMA legacy = 4;')
    db.exec(`PRAGMA key = "x'${key.toString('hex')}'";`)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return (db.prepare('SELECT body FROM notes ORDER BY id').all() as Array<{ body: string }>).map((row) => row.body)
  } finally {
    db.close()
  }
}

describe('docs/file-format.md, followed by hand', () => {
  it('recovers the data with the passphrase and with the recovery key', async () => {
    const dir = vaultDir()
    const vault = makeVault(dir)
    const { recoveryKey } = await vault.create(PASSPHRASE)
    vault.db().prepare('INSERT INTO notes (body) VALUES (?)').run(NOTE)
    vault.lock()

    const header = JSON.parse(readFileSync(join(dir, 'between.header.json'), 'utf8')) as Header
    expect(header).toMatchObject({ format: 'between-vault', version: 1, database: { cipher: 'sqlcipher', legacy: 4 } })

    // The file: no plaintext SQLite header, whole 4096-byte pages.
    const dbPath = join(dir, 'between.db')
    expect(readFileSync(dbPath).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0')
    expect(statSync(dbPath).size % 4096).toBe(0)
    expect(readFileSync(dbPath).includes(Buffer.from('holidays'))).toBe(false)

    const viaPassphrase = await keyFromPassphrase(header, PASSPHRASE)
    expect(viaPassphrase).toHaveLength(32)
    expect(readNotes(dbPath, viaPassphrase)).toEqual([NOTE])

    // As a person would type it: lower case, spaces, O for zero.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o')
    const viaRecovery = keyFromRecoveryKey(header, typed)
    expect(viaRecovery.equals(viaPassphrase)).toBe(true)
    expect(readNotes(dbPath, viaRecovery)).toEqual([NOTE])

    // A wrong passphrase ends in a failed tag, as the document says.
    await expect(keyFromPassphrase(header, 'not the passphrase')).rejects.toThrow(/authenticate/)

    // The key script's own test, read out of the document: every separator the reading rules
    // drop makes a recovery key look like one (before, en dashes, dots and underscores did not,
    // and such a key was tried as a passphrase).
    for (const separator of [' ', '-', '\u2013', '\u2014', '\u2010', '\u2212', '.', '_', ' - ', '\t']) {
      const written = recoveryKey.split('-').join(separator)
      expect(looksLikeRecoveryKey(written), JSON.stringify(separator)).toBe(true)
      expect(keyFromRecoveryKey(header, written).equals(viaPassphrase)).toBe(true)
    }
    expect(looksLikeRecoveryKey(PASSPHRASE)).toBe(false)
    expect(looksLikeRecoveryKey(recoveryKey.slice(0, -1))).toBe(false)
  })

  it('after a data-key rotation: the live files give the new key, pre-rotation/ the old one', async () => {
    const dir = vaultDir()
    const vault = makeVault(dir)
    const { recoveryKey } = await vault.create(PASSPHRASE)
    vault.db().prepare('INSERT INTO notes (body) VALUES (?)').run(NOTE)
    await vault.rotateDataKey(PASSPHRASE)
    vault.db().prepare('INSERT INTO notes (body) VALUES (?)').run('after rotation')
    vault.lock()

    const live = JSON.parse(readFileSync(join(dir, 'between.header.json'), 'utf8')) as Header
    expect(live.keyGeneration).toBe(2)
    const key = keyFromRecoveryKey(live, recoveryKey)
    expect(readNotes(join(dir, 'between.db'), key)).toEqual([NOTE, 'after rotation'])
    expect((await keyFromPassphrase(live, PASSPHRASE)).equals(key)).toBe(true)

    const old = JSON.parse(readFileSync(join(dir, 'pre-rotation', 'between.header.json'), 'utf8')) as Header
    const oldKey = await keyFromPassphrase(old, PASSPHRASE)
    expect(oldKey.equals(key)).toBe(false)
    expect(readNotes(join(dir, 'pre-rotation', 'between.db'), oldKey)).toEqual([NOTE])
    expect(() => readNotes(join(dir, 'between.db'), oldKey)).toThrow(/not a database/)
  })

  it('documents every header field and the HKDF labels the code uses', async () => {
    const vault = makeVault(vaultDir())
    await vault.create(PASSPHRASE)
    vault.lock()
    const header = JSON.parse(readFileSync(vault.paths.header, 'utf8')) as Record<string, unknown>
    const fields: string[] = []
    const walk = (value: unknown, prefix: string) => {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        if (typeof inner === 'object' && inner !== null) walk(inner, key)
        else fields.push(prefix ? `${prefix}.${key}` : key)
      }
    }
    walk(header, '')
    // In the field table each one appears in backticks, as `leaf` or `section.leaf`.
    const undocumented = fields.filter((field) => {
      const leaf = field.split('.').at(-1) as string
      return !DOC.includes(`\`${field}\``) && !DOC.includes(`\`${leaf}\``) && !DOC.includes(`.${leaf}\``)
    })
    expect(undocumented).toEqual([])
    for (const label of ['between-vault/1/recovery-x25519', 'between-vault/1/recovery-wrap']) expect(DOC).toContain(`"${label}"`)
  })
})
