/**
 * docs/api.md says exactly which channels work while the vault is locked (WORKS_WHILE_LOCKED).
 * This calls every channel on a locked vault with valid inputs generated from its schema and
 * checks the list against what the code does. (The old text said only status, create and unlock
 * worked; prefs, backup listing, shell and UI channels did too.)
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { contract, type Channel } from '../../../src/shared/ipc/contract'
import { WORKS_WHILE_LOCKED } from '../../../src/shared/ipc/works-while-locked'
import { validInput } from '../../helpers/contract-arbitrary'
import { fakeDialogs } from '../../helpers/fake-ports'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeAll(async () => {
  vault = await createTestVault({ dialogs: fakeDialogs() })
})
afterAll(() => vault.cleanup())

/** Checks of the input itself that come before the lock check. */
const INPUT_CODES = new Set(['INVALID_INPUT', 'WEAK_PASSPHRASE', 'INVALID_RECOVERY_KEY_FORMAT'])

describe('channels while the vault is locked', () => {
  for (const channel of Object.keys(contract) as Channel[]) {
    it(`${channel} ${WORKS_WHILE_LOCKED.has(channel) ? 'works' : 'answers VAULT_LOCKED'}`, async () => {
      const schema = contract[channel].input
      const inputs = fc.sample(validInput(schema).filter((input) => schema.safeParse(input).success), { numRuns: 6, seed: 14 })
      const codes = new Set<string>()
      for (const input of inputs) {
        vault.core.lock('manual')
        const result = await dispatch(vault.handlers, channel, input)
        codes.add(result.ok ? 'ok' : result.error.code)
      }
      vault.core.lock('manual')
      if (WORKS_WHILE_LOCKED.has(channel)) expect(codes.has('VAULT_LOCKED')).toBe(false)
      else expect([...codes].filter((code) => !INPUT_CODES.has(code))).toEqual(['VAULT_LOCKED'])
    })
  }
})
