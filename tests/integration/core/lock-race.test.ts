import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeAll(async () => {
  vault = await createTestVault()
})
afterAll(() => vault.cleanup())

describe('auto-lock racing saves', () => {
  it('every save that was acknowledged is in the vault; every other one was told VAULT_LOCKED', async () => {
    let round = 0
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 8 }), async (s, saves) => {
        round++
        if (vault.core.vault.status() !== 'unlocked') await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
        const bodies = Array.from({ length: saves }, (_, i) => `race ${round} save ${i}`)
        const outcomes: Array<{ body: string; ok: boolean; code?: string }> = []
        const calls = bodies.map((body) =>
          s.schedule(Promise.resolve(body)).then(async () => {
            const result = await dispatch(vault.handlers, 'reflections.create', { body })
            outcomes.push({ body, ok: result.ok, ...(result.ok ? {} : { code: result.error.code }) })
          }),
        )
        const lock = s.schedule(Promise.resolve('lock')).then(() => vault.core.lock('idle'))
        await s.waitAll()
        await Promise.all([...calls, lock])

        await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
        const stored = new Set(vault.core.vault.db().prepare('SELECT body FROM reflections').pluck().all() as string[])
        for (const outcome of outcomes) {
          if (outcome.ok) expect(stored.has(outcome.body)).toBe(true)
          else {
            expect(outcome.code).toBe('VAULT_LOCKED')
            expect(stored.has(outcome.body)).toBe(false)
          }
        }
        expect(outcomes).toHaveLength(saves)
      }),
      { numRuns: 60 },
    )
    // About 120 unlocks, each with its page check in a worker thread of its own.
  }, 180_000)
})
