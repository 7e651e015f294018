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

const keptValues = (v: TestVault, table: string, id: string) =>
  v.core.sync
    .history({ table, id })
    .map((h) => `${h.field}=${JSON.stringify(h.value)}`)
    .sort()

/**
 * Runs a pass on `v` and calls `save` once, between the slice that applies the other computer's
 * file into the merged state and the slice that writes its rows. With `stop`, the pass is stopped
 * right after the save, so the row stays queued and the save is captured at the next pass.
 */
async function saveWhileApplying(v: TestVault, save: () => void, stop = false): Promise<void> {
  const controller = new AbortController()
  let saved = false
  let over = false
  const pass = v.core.sync.syncNow({ signal: controller.signal }).finally(() => (over = true))
  while (!over) {
    if (!saved && queuedRows(v) > 0) {
      save()
      saved = true
      if (stop) controller.abort()
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
  const result = await pass
  expect(saved).toBe(true)
  expect(result.aborted).toBe(stop)
}

describe('a save made while a pass applies another computer’s edits', () => {
  it('is never overwritten: its field wins with the other value kept as history, and its text merges with the other computer’s words on both computers', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    const { id } = laptop.core.reflections.create({ body: 'The first words.', mood: 3, tags: [], sessionId: null, bringToSession: false })
    await two.settle()
    laptop.core.reflections.update({ id, patch: { mood: 5, body: 'The first words. Written on the laptop.' } })
    await laptop.core.sync.syncNow({})

    // The desk showed 'The first words.' (the laptop's words were not in the row yet): its save edits that.
    await saveWhileApplying(desk, () => desk.core.reflections.update({ id, patch: { mood: 1, body: 'At the desk: The first words.' } }))
    const merged = 'At the desk: The first words. Written on the laptop.'
    expect(desk.core.reflections.get({ id })).toMatchObject({ mood: 1, body: merged })

    await two.settle()
    for (const v of [laptop, desk]) {
      expect(v.core.reflections.get({ id })).toMatchObject({ mood: 1, body: merged })
      expect(keptValues(v, 'reflections', id)).toEqual(['mood=5'])
    }
  })

  it('merges the text of a row still queued from a stopped pass when the next pass captures it, and a save that leaves the text alone keeps the other computer’s words', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    const session = laptop.core.sessions.create({
      therapistId: null, startsAt: Date.UTC(2026, 1, 3, 17), timeZone: 'UTC', durationMinutes: 50, format: 'video', status: 'attended',
      notes: 'We talked about work.', moodBefore: 2, moodAfter: 3, takeaways: 'Rest more.', homework: [],
    })
    await two.settle()
    laptop.core.sessions.update({ id: session.id, patch: { notes: 'We talked about work and sleep.', takeaways: 'Rest more. Walk daily.' } })
    await laptop.core.sync.syncNow({})

    // The desk edits the notes' first words only; the takeaways it saves as they were shown.
    await saveWhileApplying(desk, () => desk.core.sessions.update({ id: session.id, patch: { notes: 'Today we talked about work.', moodAfter: 4 } }), true)
    expect(desk.core.sessions.get({ id: session.id })).toMatchObject({ notes: 'Today we talked about work.', takeaways: 'Rest more.' })

    await two.settle()
    for (const v of [laptop, desk]) {
      expect(v.core.sessions.get({ id: session.id })).toMatchObject({ notes: 'Today we talked about work and sleep.', takeaways: 'Rest more. Walk daily.', moodAfter: 4 })
      expect(keptValues(v, 'sessions', session.id)).toEqual([])
    }
  })
})
