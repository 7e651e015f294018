import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type Channel } from '../../../src/shared/ipc/contract'
import { ERROR_CODES } from '../../../src/shared/ipc/result'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { digestDatabase } from '../../helpers/db-digest'
import { writeOneOfEverything } from '../../helpers/sample-records'
import { createTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeAll(async () => {
  vault = await createTestVault()
  writeOneOfEverything(vault.core, 'fuzz')
})
afterAll(() => vault.cleanup())

const channels = Object.keys(contract) as Channel[]

/** Payloads near the real shape: right keys with wrong values, extra keys, wrong types. */
const payload = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom('id', 'body', 'name', 'patch', 'query', 'passphrase', 'startsAt', 'kind', 'params', 'limit', 'cursor', 'extra'), fc.anything()),
  fc.record({ id: fc.string(), patch: fc.anything() }),
)

describe('bad input on every channel', () => {
  it.each(channels)('%s: INVALID_INPUT naming a field, or a typed error; never a crash, never a write', async (channel) => {
    await fc.assert(
      fc.asyncProperty(payload, async (input) => {
        // A random payload can be a valid vault.lock: reopen so every run starts unlocked.
        if (vault.core.vault.status() !== 'unlocked') await vault.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
        const before = digestDatabase(vault.core.vault.db())
        const result = await dispatch(vault.handlers, channel, input)
        if (result.ok) return // a random payload can happen to be valid (e.g. {} for a list)
        expect(ERROR_CODES).toContain(result.error.code)
        expect(result.error.code).not.toBe('INTERNAL')
        if (result.error.code === 'INVALID_INPUT') {
          expect(result.error.field).toEqual(expect.any(String))
          expect(digestDatabase(vault.core.vault.db())).toBe(before)
        }
      }),
      { numRuns: 40 },
    )
  })

  it('names the offending field', async () => {
    const result = await dispatch(vault.handlers, 'reflections.create', { body: 'ok', mood: 9 })
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String), field: 'mood' } })
  })

  it("refuses an update's malformed base (what the editor opened with), naming it, and writes nothing", async () => {
    const [entry] = vault.core.reflections.list({ limit: 1, before: null, tag: null })
    if (!entry) throw new Error('no reflection to update')
    for (const base of [{ mood: 'high' }, { unknown: 1 }, 'not an object']) {
      const before = digestDatabase(vault.core.vault.db())
      const result = await dispatch(vault.handlers, 'reflections.update', { id: entry.id, patch: { body: 'changed' }, base })
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', field: expect.stringMatching(/^base/) }) })
      expect(digestDatabase(vault.core.vault.db())).toBe(before)
    }
  })

  it('refuses a malformed base on the saves that are not patches (an agreement, a diary day, the crisis plan), naming it, and writes nothing', async () => {
    const [rule] = vault.core.rules.list({ therapistId: null, includeRetired: true })
    if (!rule) throw new Error('no rule to update')
    const plan = { warningSigns: [], copingStrategies: [], distractions: [], helpers: [], professionals: [], crisisLines: [], emergencyNumber: '', safeEnvironment: [], reasonsToLive: [] }
    const saves = [
      (base: unknown) => dispatch(vault.handlers, 'rules.update', { id: rule.id, patch: { agreementText: 'changed' }, base }),
      (base: unknown) => dispatch(vault.handlers, 'diaryCard.saveDay', { day: '2026-03-03', timeZone: 'Europe/London', note: 'changed', base }),
      (base: unknown) => dispatch(vault.handlers, 'crisisPlan.save', { ...plan, base }),
    ]
    for (const save of saves) {
      for (const base of [{ agreementText: 42, note: 42, warningSigns: 'not a list' }, { unknown: 1 }, 'not an object']) {
        const before = digestDatabase(vault.core.vault.db())
        expect(await save(base)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', field: expect.stringMatching(/^base/) }) })
        expect(digestDatabase(vault.core.vault.db())).toBe(before)
      }
    }
  })

  it('refuses unknown channels and prototype keys', async () => {
    for (const name of ['nope.nothing', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await dispatch(vault.handlers, name, {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }) })
    }
  })
})
