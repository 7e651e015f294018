/**
 * dispatch's unit of work, with a real vault: a handler over the records and its output check
 * share a savepoint; a handler that waits (a dialog, a job) writes only in the commit it ends
 * with, in a savepoint of its own with the output check; handlers declared outsideCall get none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitWith, outsideCall, runsOutsideCall } from '../../../src/main/core/db/channel-call'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { Handlers } from '../../../src/main/ipc/handlers'
import { contract, type Channel } from '../../../src/shared/ipc/contract'
import { digestDatabase } from '../../helpers/db-digest'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

const reflection = { body: 'a heron', tags: [], mood: null, sessionId: null, bringToSession: false }
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))
const withHandler = (channel: Channel, handler: unknown): Handlers => ({ ...vault.handlers, [channel]: handler }) as Handlers
const count = () => vault.core.vault.db().prepare('SELECT count(*) FROM reflections').pluck().get()

describe('which handlers run inside the call savepoint', () => {
  it('every channel declares it: files, keys, preferences, jobs, import and sync outside; the records inside', () => {
    const outside = (Object.keys(contract) as Channel[]).filter((channel) => runsOutsideCall(vault.handlers[channel])).sort()
    const slices = ['vault.', 'backup.', 'prefs.', 'shell.', 'clipboard.', 'ui.', 'import.', 'export.', 'sync.', 'jobs.']
    const expected = (Object.keys(contract) as Channel[])
      .filter((channel) => slices.some((slice) => channel.startsWith(slice)) || ['sessionPrep.briefPdf', 'sessionPrep.agreementsSheetPdf', 'diaryCard.printWeek'].includes(channel))
      .sort()
    expect(outside).toEqual(expected)
    expect(outside).not.toContain('reflections.create')
  })

  it('a records handler sees the savepoint; one declared outsideCall does not', async () => {
    const seen: boolean[] = []
    const look = () => (seen.push(vault.core.vault.db().inTransaction), { state: 'unlocked' as const })
    await dispatch(withHandler('vault.status', look), 'vault.status', {})
    await dispatch(withHandler('vault.status', outsideCall(look)), 'vault.status', {})
    expect(seen).toEqual([true, false])
  })
})

describe('a handler that waits', () => {
  it('writes in its commit, which the output check rolls back: nothing was changed', async () => {
    const before = digestDatabase(vault.core.vault.db())
    const handler = async () => {
      await tick()
      return commitWith(() => {
        vault.core.reflections.create(reflection)
        return { not: 'a reflection' }
      })
    }
    const result = await dispatch(withHandler('reflections.create', handler), 'reflections.create', reflection)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('Nothing was changed') } })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })

  it('a throw in its commit after a write also changes nothing', async () => {
    const before = digestDatabase(vault.core.vault.db())
    const handler = async () => {
      await tick()
      return commitWith(() => {
        vault.core.reflections.create(reflection)
        throw new Error('after the write')
      })
    }
    expect(await dispatch(withHandler('reflections.create', handler), 'reflections.create', reflection)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })

  it('a good commit is written and answered', async () => {
    const handler = async (input: typeof reflection) => {
      await tick()
      return commitWith(() => vault.core.reflections.create(input))
    }
    expect(await dispatch(withHandler('reflections.create', handler), 'reflections.create', reflection)).toMatchObject({ ok: true, value: { body: 'a heron' } })
    expect(count()).toBe(1)
  })

  it('a write before its first wait is rolled back and refused', async () => {
    const before = digestDatabase(vault.core.vault.db())
    const handler = (input: typeof reflection) => {
      const created = vault.core.reflections.create(input)
      return tick().then(() => commitWith(() => created))
    }
    expect(await dispatch(withHandler('reflections.create', handler), 'reflections.create', reflection)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(digestDatabase(vault.core.vault.db())).toBe(before)
  })

  it('an answer after a wait without a commit is refused: a records handler cannot check its output after writing', async () => {
    const handler = async (input: typeof reflection) => {
      await tick()
      return { ...input, id: 'x' }
    }
    expect(await dispatch(withHandler('reflections.create', handler), 'reflections.create', reflection)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
