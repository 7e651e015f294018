/**
 * A wrong passphrase or recovery key changes no byte in the data folder, and a mistyped
 * recovery key is caught by its checksum before any key derivation or file access.
 */
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CoreError } from '../../../src/main/core/errors'
import {
  CROCKFORD_ALPHABET,
  generateRecoveryKey,
  normalizeRecoveryKey,
  parseRecoveryKey,
} from '../../../src/main/core/vault/recovery-key'
import { cleanupTempDirs, createdVault, expectCode, PASSPHRASE, snapshot } from './vault-fixtures'

const spies = vi.hoisted(() => ({ derive: 0, openRecovery: 0 }))

vi.mock('../../../src/main/core/vault/kdf', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/main/core/vault/kdf')>()
  return {
    ...actual,
    derivePassphraseKey: (...args: Parameters<typeof actual.derivePassphraseKey>) => {
      spies.derive++
      return actual.derivePassphraseKey(...args)
    },
  }
})
vi.mock('../../../src/main/core/vault/wrap', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/main/core/vault/wrap')>()
  return {
    ...actual,
    openRecoverySlot: (...args: Parameters<typeof actual.openRecoverySlot>) => {
      spies.openRecovery++
      return actual.openRecoverySlot(...args)
    },
  }
})

afterEach(cleanupTempDirs)

/** Replace the symbol at `index` (0-based, ignoring hyphens) with a different valid symbol. */
function substitute(key: string, index: number, shift: number): string {
  const symbols = key.replaceAll('-', '').split('')
  const current = CROCKFORD_ALPHABET.indexOf(symbols[index] as string)
  symbols[index] = CROCKFORD_ALPHABET[(current + 1 + (shift % 31)) % 32] as string
  return symbols.join('')
}

describe('wrong secrets change nothing', () => {
  it('a wrong passphrase or recovery key leaves every file byte-identical, and the list of files', async () => {
    const { dir, vault, recoveryKey } = await createdVault(50)
    vault.lock()
    const before = snapshot(dir)
    expect(Object.keys(before).sort()).toEqual(['between.db', 'between.header.json', 'between.lock'])

    await expectCode(vault.unlock({ passphrase: 'not the passphrase' }), 'WRONG_PASSPHRASE')
    await expectCode(vault.unlock({ passphrase: `${PASSPHRASE} ` }), 'WRONG_PASSPHRASE')
    await expectCode(vault.unlock({ passphrase: '' }), 'WRONG_PASSPHRASE')
    const otherKey = generateRecoveryKey()
    otherKey.secret.fill(0)
    await expectCode(vault.unlock({ recoveryKey: otherKey.display }), 'WRONG_RECOVERY_KEY')
    await expectCode(vault.resetWithRecoveryKey(otherKey.display, 'a brand new passphrase'), 'WRONG_RECOVERY_KEY')
    expect(vault.status()).toBe('locked')
    expect(snapshot(dir)).toEqual(before)
    expect(readdirSync(dir).sort()).toEqual(['between.db', 'between.header.json', 'between.lock'])

    // Unlocked, a wrong current passphrase in a change or a rotation changes nothing either.
    await vault.unlock({ recoveryKey })
    vault.checkpoint()
    const unlocked = snapshot(dir)
    await expectCode(vault.changePassphrase('not the passphrase', 'a brand new passphrase'), 'WRONG_PASSPHRASE')
    await expectCode(vault.rotateDataKey('not the passphrase'), 'WRONG_PASSPHRASE')
    expect(snapshot(dir)).toEqual(unlocked)
    vault.lock()
  })
})

describe('recovery key format', () => {
  it('a typo is INVALID_RECOVERY_KEY_FORMAT before any key derivation', async () => {
    const { dir, vault, recoveryKey } = await createdVault()
    vault.lock()
    const before = snapshot(dir)
    spies.derive = 0
    spies.openRecovery = 0
    const typos = [
      substitute(recoveryKey, 0, 0),
      substitute(recoveryKey, 17, 5),
      substitute(recoveryKey, 29, 9), // in the checksum itself
      recoveryKey.slice(0, -1), // one symbol short
      `${recoveryKey}0`, // one too many
      recoveryKey.replace(/^(.)(.)/, '$2$1'), // swapped neighbours (unless equal)
      recoveryKey.replace(/.$/, 'U'), // U is not Crockford
      '',
    ].filter((typo) => typo !== recoveryKey)
    for (const typo of typos) {
      await expectCode(vault.unlock({ recoveryKey: typo }), 'INVALID_RECOVERY_KEY_FORMAT')
      await expectCode(vault.resetWithRecoveryKey(typo, 'a brand new passphrase'), 'INVALID_RECOVERY_KEY_FORMAT')
    }
    expect(spies.derive).toBe(0)
    expect(spies.openRecovery).toBe(0)
    expect(snapshot(dir)).toEqual(before)
  })

  it('shape: 6 groups of 5 Crockford symbols, 130 bits of secret', () => {
    const { display, secret } = generateRecoveryKey()
    expect(display).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(secret.toString('ascii')).toBe(display.replaceAll('-', '').slice(0, 26))
  })

  it('property: case, separators and O/I/L aliases never matter', () => {
    const key = fc.constant(null).map(() => {
      const { display, secret } = generateRecoveryKey()
      secret.fill(0)
      return display
    })
    const separator = fc.constantFrom('', ' ', '-', '  ', ' - ', '.', '_', '\t', '\u2013')
    fc.assert(
      fc.property(key, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.array(separator, { minLength: 30, maxLength: 30 }), (display, lower, seps) => {
        const typed = display
          .replaceAll('-', '')
          .split('')
          .map((c, i) => {
            const aliased = c === '0' && lower[i] ? 'O' : c === '1' && lower[i] ? (i % 2 ? 'I' : 'L') : c
            return (lower[i] ? aliased.toLowerCase() : aliased) + (seps[i] as string)
          })
          .join('')
        expect(normalizeRecoveryKey(typed)).toBe(display)
      }),
      { seed: 20260303, numRuns: 300 },
    )
  })

  it('every single-symbol substitution of a fixed key is caught by the checksum', () => {
    // Built independently of the module: 26 symbols + first 20 bits of SHA-256 as 4 symbols.
    const secret = 'BETWEEN0SESS10NS0ARE0H4RD0'
    const digest = createHash('sha256').update(secret, 'ascii').digest()
    const bits = (digest.readUInt32BE(0) >>> 12) & 0xfffff
    const checksum = [15, 10, 5, 0].map((shift) => CROCKFORD_ALPHABET[(bits >> shift) & 31]).join('')
    const display = `${secret}${checksum}`.replace(/(.{5})(?!$)/g, '$1-')
    expect(normalizeRecoveryKey(display)).toBe(display)
    for (let index = 0; index < 30; index++) {
      for (let shift = 0; shift < 31; shift++) {
        let thrown: unknown
        try {
          parseRecoveryKey(substitute(display, index, shift)).fill(0)
        } catch (error) {
          thrown = error
        }
        expect(thrown).toBeInstanceOf(CoreError)
        expect((thrown as CoreError).code).toBe('INVALID_RECOVERY_KEY_FORMAT')
      }
    }
  })
})
