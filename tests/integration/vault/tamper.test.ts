/**
 * Tampered headers and damaged database pages: a clear error, never silent wrong data, and no
 * byte changed by a failed unlock.
 */
import { copyFileSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../../src/shared/ipc/result'
import {
  cleanupTempDirs,
  createdVault,
  expectCode,
  flipByte,
  makeVault,
  noteCount,
  PASSPHRASE,
  snapshot,
} from './vault-fixtures'

afterEach(cleanupTempDirs)

type Json = Record<string, unknown> & { passphrase: Record<string, unknown>; recovery: Record<string, unknown> }

const PAGE = 4096

/** Flip one bit of a base64 value's decoded bytes, keeping it canonical base64 of the same length. */
const flipBase64 = (value: unknown): string => {
  const bytes = Buffer.from(String(value), 'base64')
  bytes[0] = (bytes[0] as number) ^ 0x01
  return bytes.toString('base64')
}

async function lockedVault(rows = 20) {
  const made = await createdVault(rows)
  made.vault.lock()
  const headerPath = join(made.dir, 'between.header.json')
  const original = readFileSync(headerPath, 'utf8')
  const edit = (change: (json: Json) => void) => {
    const json = JSON.parse(original) as Json
    change(json)
    writeFileSync(headerPath, JSON.stringify(json, null, 2))
  }
  const restore = () => writeFileSync(headerPath, original)
  return { ...made, headerPath, original, edit, restore }
}

describe('tampered header', () => {
  it('structure broken -> VAULT_CORRUPT for either secret, nothing written', async () => {
    const { dir, vault, recoveryKey, headerPath, original, edit, restore } = await lockedVault()
    const cases: Array<[string, () => void]> = [
      ['truncated JSON', () => writeFileSync(headerPath, original.slice(0, original.length / 2))],
      ['not JSON at all', () => writeFileSync(headerPath, 'SQLite format 3\0')],
      ['empty file', () => writeFileSync(headerPath, '')],
      ['JSON array', () => writeFileSync(headerPath, '[]')],
      ['missing tag', () => edit((j) => delete j.passphrase.tag)],
      ['missing recovery slot', () => edit((j) => delete (j as Partial<Json>).recovery)],
      ['salt of the wrong length', () => edit((j) => (j.passphrase.salt = Buffer.alloc(8).toString('base64')))],
      ['base64 without its padding', () => edit((j) => (j.passphrase.salt = String(j.passphrase.salt).replace(/=+$/, '')))],
      ['base64url instead of base64', () => edit((j) => (j.recovery.publicKey = Buffer.from(String(j.recovery.publicKey), 'base64').toString('base64url')))],
      ['unknown field', () => edit((j) => (j.extra = true))],
      ['unknown cipher', () => edit((j) => (j.database = { cipher: 'chacha20', legacy: 4 }))],
      ['legacy 3', () => edit((j) => (j.database = { cipher: 'sqlcipher', legacy: 3 }))],
      ['absurd memory cost', () => edit((j) => (j.passphrase.memoryKiB = 64 * 1024 * 1024))],
      ['string where a number goes', () => edit((j) => (j.passphrase.iterations = '3'))],
      ['vaultId not a uuid', () => edit((j) => (j.vaultId = 'x'))],
    ]
    for (const [name, tamper] of cases) {
      tamper()
      const before = snapshot(dir)
      expect(readFileSync(headerPath, 'utf8'), name).not.toBe(original)
      const a = await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
      const b = await expectCode(vault.unlock({ recoveryKey }), 'VAULT_CORRUPT')
      expect(snapshot(dir), name).toEqual(before)
      expect(JSON.stringify([a.cause, b.cause])).not.toContain(PASSPHRASE)
      restore()
    }
    await vault.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(vault.db())).toBe(20)
    vault.lock()
  })

  it('a header from a newer version -> VAULT_FROM_FUTURE', async () => {
    const { vault, edit } = await lockedVault()
    edit((j) => (j.version = 2))
    await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_FROM_FUTURE')
  })

  it('an authenticated field edited -> the wrap fails (WRONG_*), the data is never opened', async () => {
    const { dir, vault, recoveryKey, edit, restore } = await lockedVault()
    // [name, edit, passphrase result, recovery result]: each slot authenticates what it depends on.
    const cases: Array<[string, (j: Json) => void, ErrorCode | 'ok', ErrorCode | 'ok']> = [
      ['createdAt', (j) => (j.createdAt = Number(j.createdAt) + 1), 'WRONG_PASSPHRASE', 'WRONG_RECOVERY_KEY'],
      ['keyGeneration', (j) => (j.keyGeneration = 2), 'WRONG_PASSPHRASE', 'WRONG_RECOVERY_KEY'],
      ['vaultId', (j) => (j.vaultId = '00000000-0000-4000-8000-000000000000'), 'WRONG_PASSPHRASE', 'WRONG_RECOVERY_KEY'],
      ['recovery public key', (j) => (j.recovery.publicKey = flipBase64(j.recovery.publicKey)), 'WRONG_PASSPHRASE', 'WRONG_RECOVERY_KEY'],
      ['recovery salt', (j) => (j.recovery.salt = flipBase64(j.recovery.salt)), 'WRONG_PASSPHRASE', 'WRONG_RECOVERY_KEY'],
      ['argon2 memory', (j) => (j.passphrase.memoryKiB = 2048), 'WRONG_PASSPHRASE', 'ok'],
      ['argon2 passes', (j) => (j.passphrase.iterations = 2), 'WRONG_PASSPHRASE', 'ok'],
      ['passphrase salt', (j) => (j.passphrase.salt = flipBase64(j.passphrase.salt)), 'WRONG_PASSPHRASE', 'ok'],
      ['passphrase nonce', (j) => (j.passphrase.nonce = flipBase64(j.passphrase.nonce)), 'WRONG_PASSPHRASE', 'ok'],
      ['passphrase wrapped key', (j) => (j.passphrase.wrappedKey = flipBase64(j.passphrase.wrappedKey)), 'WRONG_PASSPHRASE', 'ok'],
      ['passphrase tag', (j) => (j.passphrase.tag = flipBase64(j.passphrase.tag)), 'WRONG_PASSPHRASE', 'ok'],
      ['recovery ephemeral key', (j) => (j.recovery.ephemeralPublicKey = flipBase64(j.recovery.ephemeralPublicKey)), 'ok', 'WRONG_RECOVERY_KEY'],
      ['recovery wrapped key', (j) => (j.recovery.wrappedKey = flipBase64(j.recovery.wrappedKey)), 'ok', 'WRONG_RECOVERY_KEY'],
      ['recovery tag', (j) => (j.recovery.tag = flipBase64(j.recovery.tag)), 'ok', 'WRONG_RECOVERY_KEY'],
    ]
    for (const [name, change, viaPassphrase, viaRecovery] of cases) {
      edit(change)
      const before = snapshot(dir)
      for (const [input, expected] of [
        [{ passphrase: PASSPHRASE }, viaPassphrase],
        [{ recoveryKey }, viaRecovery],
      ] as const) {
        if (expected === 'ok') {
          await vault.unlock(input)
          expect(noteCount(vault.db()), name).toBe(20)
          vault.lock()
        } else {
          await expectCode(vault.unlock(input), expected)
          expect(snapshot(dir), name).toEqual(before)
        }
      }
      restore()
    }
  })

  it("another vault's header authenticates but does not open this database -> VAULT_CORRUPT", async () => {
    const a = await lockedVault()
    const b = await lockedVault()
    copyFileSync(b.headerPath, a.headerPath)
    const before = snapshot(a.dir)
    await expectCode(a.vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
    expect(snapshot(a.dir)).toEqual(before)
  })

  it('header missing -> VAULT_CORRUPT (the database is there); database missing -> VAULT_CORRUPT', async () => {
    const one = await lockedVault()
    rmSync(one.headerPath)
    expect(one.vault.status()).toBe('locked')
    await expectCode(one.vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')

    const two = await lockedVault()
    rmSync(join(two.dir, 'between.db'))
    await expectCode(two.vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
  })
})

describe('damaged database', () => {
  it('a flipped bit in ANY page (data, IV or HMAC area, page 1 or its salt) -> VAULT_CORRUPT', async () => {
    const { dir, vault } = await lockedVault(1500)
    const dbPath = join(dir, 'between.db')
    const pristine = readFileSync(dbPath)
    const pages = pristine.length / PAGE
    expect(Number.isInteger(pages)).toBe(true)
    expect(pages).toBeGreaterThan(20)
    let checked = 0
    for (let page = 0; page < pages; page++) {
      // A different position in each page, covering the salt, the body and the reserved tail.
      const offsets = page === 0 ? [3, 16, 100, PAGE - 80, PAGE - 1] : [(page * 977) % PAGE]
      for (const offset of offsets) {
        writeFileSync(dbPath, pristine)
        flipByte(dbPath, page * PAGE + offset)
        const before = snapshot(dir)
        await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
        expect(vault.status()).toBe('locked')
        // A failed unlock on a damaged file does not "repair" or otherwise write to it.
        expect(snapshot(dir)).toEqual(before)
        checked++
      }
    }
    expect(checked).toBe(pages + 4)
    writeFileSync(dbPath, pristine)
    await vault.unlock({ passphrase: PASSPHRASE })
    expect(noteCount(vault.db())).toBe(1500)
    vault.lock()
  })

  it('a truncated or empty database file -> VAULT_CORRUPT', async () => {
    const { dir, vault } = await lockedVault(1500)
    const dbPath = join(dir, 'between.db')
    const pristine = readFileSync(dbPath)
    truncateSync(dbPath, Math.floor(statSync(dbPath).size / 2 / PAGE) * PAGE)
    await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
    truncateSync(dbPath, 1000)
    await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
    truncateSync(dbPath, 0)
    await expectCode(vault.unlock({ passphrase: PASSPHRASE }), 'VAULT_CORRUPT')
    expect(statSync(dbPath).size).toBe(0)
    writeFileSync(dbPath, pristine)
    await makeVault(dir).unlock({ passphrase: PASSPHRASE })
  })
})
