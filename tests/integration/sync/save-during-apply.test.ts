import { afterEach, describe, expect, it } from 'vitest'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'
import type { TestVault } from '../../helpers/test-vault'

let two: TwoComputers | null = null
afterEach(() => {
  two?.cleanup()
  two = null
})

/** Rows the pass has applied into the merged state but not yet written into their tables. */
const queuedRows = (v: TestVault): number => v.core.vault.db().prepare('SELECT count(*) FROM sync_pending').pluck().get() as number

const keptValues = (v: TestVault, id: string) =>
  v.core.sync
    .history({ table: 'reflections', id })
    .map((h) => `${h.field}=${JSON.stringify(h.value)}`)
    .sort()

describe('a save made while a pass applies another computer’s edits', () => {
  it('is never overwritten by the older values being written: it wins, and what it replaced unseen is kept as history on both computers', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    const { id } = laptop.core.reflections.create({ body: 'The first words.', mood: 3, tags: [], sessionId: null, bringToSession: false })
    await two.settle()
    laptop.core.reflections.update({ id, patch: { mood: 5, body: 'The first words. Written on the laptop.' } })
    await laptop.core.sync.syncNow({})

    // The desk's pass applies the laptop's file, then writes the row in a later slice: the person saves in between.
    let savedInWindow = false
    let over = false
    const pass = desk.core.sync.syncNow({}).finally(() => (over = true))
    while (!over) {
      if (!savedInWindow && queuedRows(desk) > 0) {
        desk.core.reflections.update({ id, patch: { mood: 1, body: 'The first words. Written at the desk.' } })
        savedInWindow = true
      }
      await new Promise((resolve) => setImmediate(resolve))
    }
    await pass
    expect(savedInWindow).toBe(true)
    expect(desk.core.reflections.get({ id })).toMatchObject({ mood: 1, body: 'The first words. Written at the desk.' })

    await two.settle()
    for (const v of [laptop, desk]) {
      expect(v.core.reflections.get({ id })).toMatchObject({ mood: 1, body: 'The first words. Written at the desk.' })
      expect(keptValues(v, id)).toEqual(['body="The first words. Written on the laptop."', 'mood=5'])
    }
  })
})
