/**
 * Every channel of the contract, driven with inputs generated from its own zod schemas: valid,
 * mutated (one field broken, removed or an unknown one added) and hostile (anything at all).
 * Invariants after every call: dispatch resolves (never throws), answers ok or a known error
 * code, never INTERNAL; and every list, page, search, trend, brief, reminder and repair read
 * still answers ok. A property over sequences of valid calls checks the same.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/ipc/dispatch'
import { contract, type Channel } from '../../src/shared/ipc/contract'
import { ERROR_CODES } from '../../src/shared/ipc/result'
import { hostileInput, mutatedInput, validInput } from '../helpers/contract-arbitrary'
import { fakeDialogs } from '../helpers/fake-ports'
import { readEverything } from '../helpers/read-everything'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../helpers/test-vault'

const CHANNELS = Object.keys(contract) as Channel[]
const RUNS = { valid: 12, mutated: 8, hostile: 6 }

let vault: TestVault
beforeAll(async () => {
  vault = await createTestVault({ dialogs: fakeDialogs() })
})
afterAll(() => vault.cleanup())

/** The fuzz may lock the vault (vault.lock is a channel too): open it again before the next call. */
async function ensureUnlocked(): Promise<void> {
  if (vault.core.vault.status() !== 'unlocked') await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
}

async function callAndCheck(channel: string, input: unknown): Promise<void> {
  await ensureUnlocked()
  const result = await dispatch(vault.handlers, channel, input)
  expect(typeof result.ok).toBe('boolean')
  if (!result.ok) {
    expect(ERROR_CODES).toContain(result.error.code)
    expect(result.error.code, `${channel} ${safeJson(input)}`).not.toBe('INTERNAL')
  }
}

const safeJson = (value: unknown): string => {
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value)
  } catch {
    return '(unprintable)'
  }
}

describe('every channel, generated from the contract', () => {
  for (const channel of CHANNELS) {
    it(channel, async () => {
      const schema = contract[channel].input
      for (const [kind, arbitrary, runs] of [
        ['valid', validInput(schema), RUNS.valid],
        ['mutated', mutatedInput(schema), RUNS.mutated],
        ['hostile', hostileInput, RUNS.hostile],
      ] as const) {
        for (const input of fc.sample(arbitrary as fc.Arbitrary<unknown>, { numRuns: runs, seed: channel.length * 7919 + kind.length })) {
          await callAndCheck(channel, input)
        }
      }
      await ensureUnlocked()
      expect(await readEverything(vault.handlers)).toEqual([])
    })
  }
})

/** The channels that write records (no vault, file or preference channels). */
const WRITES = CHANNELS.filter((c) => /\.(create|update|delete|restore|save|createSeries|rename|merge|reorder|review|dismiss|setSettings)$/.test(c) && !c.startsWith('vault.'))

describe('any sequence of valid calls', () => {
  it('leaves every read answering ok', async () => {
    const step = fc.constantFrom(...WRITES).chain((channel) =>
      validInput(contract[channel].input)
        .filter((input) => contract[channel].input.safeParse(input).success)
        .map((input) => ({ channel, input })),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        for (const { channel, input } of steps) await callAndCheck(channel, input)
        expect(await readEverything(vault.handlers)).toEqual([])
      }),
      { numRuns: 12, seed: 14 },
    )
  })
})
