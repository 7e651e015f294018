import { afterEach, describe, expect, it } from 'vitest'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'
import type { TestVault } from '../../helpers/test-vault'

let two: TwoComputers | null = null
afterEach(() => {
  two?.cleanup()
  two = null
})

const syncProgress = (v: TestVault, phase: string) =>
  v.events.log.some((e) => e.event === 'job.progress' && (e.payload as { op: string; phase: string }).op === 'sync' && (e.payload as { phase: string }).phase === phase)
const bodies = (v: TestVault) => v.core.reflections.list({ limit: 500, before: null, tag: null }).map((r) => r.body)

describe('a sync pass is a job of the jobs machinery', () => {
  it('reports job.progress as `sync`, stops between slices on jobs.cancel, and the next pass finishes', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    for (let i = 0; i < 150; i++) laptop.core.reflections.create({ body: `entry ${i}`, mood: 3, tags: [], sessionId: null, bringToSession: false })
    await laptop.core.sync.syncNow({})

    const pass = desk.core.sync.syncNow({ chunkOps: 20, chunkMs: 1 })
    while (!syncProgress(desk, 'applying')) await new Promise((resolve) => setImmediate(resolve))
    expect(desk.core.jobs.cancel('sync')).toEqual({ cancelled: true })
    const stopped = await pass
    expect(stopped.aborted).toBe(true)
    expect(syncProgress(desk, 'sending')).toBe(true)
    expect(bodies(desk).length).toBeLessThan(150)
    // Nothing runs any more; the next passes bring everything.
    expect(desk.core.jobs.cancel('sync')).toEqual({ cancelled: false })
    await two.settle()
    expect(bodies(desk).sort()).toEqual(bodies(laptop).sort())
  })
})
