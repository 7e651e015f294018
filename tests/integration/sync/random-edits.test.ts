import { afterEach, describe, expect, it } from 'vitest'
import { vaultSyncStore } from '../../../src/main/core/sync/sync-state.repo'
import { seededRandom } from '../../helpers/sync/sim-network'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'
import type { TestVault } from '../../helpers/test-vault'

let two: TwoComputers | null = null
afterEach(() => {
  two?.cleanup()
  two = null
})

const everything = (v: TestVault) => ({
  reflections: v.core.reflections.list({ limit: 1000, before: null, tag: null }),
  therapists: v.core.therapists.list({}),
  points: v.core.talkingPoints.list({ status: null, targetSessionId: null }),
  search: v.core.search.query({ query: 'word', limit: 200, cursor: null }).hits.map((h) => h.id).sort(),
  diary: v.core.diaryCard.week({ weekStart: '2026-03-02' }).days,
})
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04']

describe('random edits on two real vaults, synced in rounds', () => {
  it('both computers end with the same rows, the same index and the same merged state', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    const random = seededRandom(42)
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)]
    for (let round = 0; round < 8; round++) {
      for (const computer of [laptop, desk]) {
        for (let step = 0; step < 12; step++) {
          computer.clock.advance(Math.floor(random() * 60_000))
          const existing = computer.core.reflections.list({ limit: 1000, before: null, tag: null })
          const target = pick(existing)
          const roll = random()
          if (roll < 0.35 || !target) {
            computer.core.reflections.create({ body: `word ${round}.${step}`, mood: 1 + Math.floor(random() * 5), tags: random() < 0.3 ? [pick(['sleep', 'Sleep', computer === laptop ? 'from-laptop' : 'from-desk'])!] : [], sessionId: null, bringToSession: false })
          } else if (roll < 0.8) {
            computer.core.reflections.update({ id: target.id, patch: { body: `${target.body} more ${round}`, mood: 1 + Math.floor(random() * 5) } })
          } else if (roll < 0.85) {
            // The same few days on both computers: same-day cards made offline are joined (unique-clash.ts).
            const day = pick(DAYS)!
            computer.core.diaryCard.saveDay({ day, timeZone: 'Europe/London', emotions: { Sadness: 1 + Math.floor(random() * 5) }, urges: {}, behaviours: {}, skills: [], note: `word ${computer === laptop ? 'laptop' : 'desk'} ${round}.${step}` })
          } else if (roll < 0.92) {
            computer.core.talkingPoints.create({ text: `point word ${round}`, priority: 'normal', position: step, targetSessionId: null, sourceReflectionId: target.id, sourceDraftId: null, status: 'open' })
          } else {
            computer.core.reflections.delete({ id: target.id })
          }
        }
      }
      if (random() < 0.7) await two.settle()
    }
    await two.settle()
    // Same-name tags and same-day cards made on both computers are joined (unique-clash.ts).
    expect(everything(desk)).toEqual(everything(laptop))
    expect(everything(laptop).reflections.length).toBeGreaterThan(10)
    expect(everything(laptop).diary.length).toBeGreaterThan(0)
    for (const computer of [laptop, desk]) expect(computer.core.vault.db().prepare('SELECT COUNT(*) AS n FROM sync_pending').get()).toEqual({ n: 0 })
    expect(vaultSyncStore(desk.core.vault.db(), 0).hash()).toBe(vaultSyncStore(laptop.core.vault.db(), 0).hash())
  })
})
