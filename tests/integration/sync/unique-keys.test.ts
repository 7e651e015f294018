import { afterEach, describe, expect, it } from 'vitest'
import { vaultSyncStore } from '../../../src/main/core/sync/sync-state.repo'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'
import type { TestVault } from '../../helpers/test-vault'

let two: TwoComputers | null = null
afterEach(() => {
  two?.cleanup()
  two = null
})

const DAY = '2026-03-02'
const saveDay = (v: TestVault, note: string, sadness: number) =>
  v.core.diaryCard.saveDay({ day: DAY, timeZone: 'Europe/London', emotions: { Sadness: sadness }, urges: {}, behaviours: {}, skills: [], note })
const pendingRows = (v: TestVault) => (v.core.vault.db().prepare('SELECT COUNT(*) AS n FROM sync_pending').get() as { n: number }).n

describe('the same natural key created on two computers before they sync', () => {
  it('two diary cards for the same day become one day that keeps both notes, on both computers', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    saveDay(laptop, 'walked by the river', 3)
    saveDay(desk, 'called my sister', 2)
    await two.settle()
    await two.settle()
    for (const computer of [laptop, desk]) {
      const days = computer.core.diaryCard.week({ weekStart: DAY }).days
      expect(days).toHaveLength(1)
      expect(days[0]!.note).toContain('walked by the river')
      expect(days[0]!.note).toContain('called my sister')
      expect(pendingRows(computer)).toBe(0)
    }
    expect(desk.core.diaryCard.week({ weekStart: DAY })).toEqual(laptop.core.diaryCard.week({ weekStart: DAY }))
    expect(vaultSyncStore(desk.core.vault.db(), 0).hash()).toBe(vaultSyncStore(laptop.core.vault.db(), 0).hash())
    // The folded day's ratings gave way to the survivor's, and are kept as its history on both.
    const dayId = laptop.core.diaryCard.week({ weekStart: DAY }).days[0]!.id
    const survivorSadness = laptop.core.diaryCard.week({ weekStart: DAY }).days[0]!.emotions.Sadness
    const loser = survivorSadness === 3 ? 2 : 3
    for (const computer of [laptop, desk]) {
      const answer = await dispatch(computer.handlers, 'sync.history', { table: 'diary_card_days', id: dayId })
      if (!answer.ok) throw new Error('sync.history failed')
      const kept = (answer.value as { entries: Array<{ field: string; value: unknown }> }).entries.filter((h) => h.field === 'emotions')
      expect(kept.map((h) => JSON.parse(h.value as string) as unknown)).toEqual([{ Sadness: loser }])
    }
    // The joined day is an ordinary day from now on: an edit on one computer reaches the other.
    saveDay(desk, 'one note now', 4)
    await two.settle()
    expect(laptop.core.diaryCard.week({ weekStart: DAY }).days[0]!.note).toBe('one note now')
  })
  it('two tags with the same name become one tag, and the entries of both keep it', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    const onLaptop = laptop.core.reflections.create({ body: 'slept badly', mood: 2, tags: ['Sleep'], sessionId: null, bringToSession: false })
    const onDesk = desk.core.reflections.create({ body: 'slept well', mood: 4, tags: ['sleep'], sessionId: null, bringToSession: false })
    await two.settle()
    await two.settle()
    for (const computer of [laptop, desk]) {
      const tagsOf = (id: string) => computer.core.reflections.get({ id }).tags.map((t) => t.toLowerCase())
      expect(tagsOf(onLaptop.id)).toEqual(['sleep'])
      expect(tagsOf(onDesk.id)).toEqual(['sleep'])
      expect(computer.core.vault.db().prepare('SELECT COUNT(*) AS n FROM tags').get()).toEqual({ n: 1 })
      expect(pendingRows(computer)).toBe(0)
    }
    expect(vaultSyncStore(desk.core.vault.db(), 0).hash()).toBe(vaultSyncStore(laptop.core.vault.db(), 0).hash())
  })
})
