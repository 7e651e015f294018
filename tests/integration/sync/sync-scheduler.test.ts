import { afterEach, describe, expect, it } from 'vitest'
import { createSyncScheduler } from '../../../src/main/core/sync/sync-scheduler'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'

let two: TwoComputers | null = null
afterEach(() => {
  two?.cleanup()
  two = null
})

/** Timers held by the test: each tick runs the one pending callback. */
function manualTimers() {
  const pending: Array<() => void> = []
  return {
    setTimer: (callback: () => void) => {
      pending.push(callback)
      return { cancel: () => void pending.splice(pending.indexOf(callback), 1) }
    },
    tick: () => pending.shift()?.(),
    pending,
  }
}

describe('sync on its own', () => {
  it('passes on start and on every tick while unlocked; nothing while locked; progress is sent', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    const timers = manualTimers()
    const scheduler = createSyncScheduler({ core: desk.core, setTimer: timers.setTimer })
    scheduler.start()
    await expect.poll(() => timers.pending.length).toBe(1)

    const entry = laptop.core.reflections.create({ body: 'written while the desk waits', mood: null, tags: [], sessionId: null, bringToSession: false })
    await laptop.core.sync.syncNow({})
    timers.tick()
    await expect.poll(() => timers.pending.length).toBe(1)
    expect(desk.core.reflections.get({ id: entry.id }).body).toBe('written while the desk waits')
    expect(desk.events.log.some((e) => e.event === 'job.progress' && (e.payload as { op?: string }).op === 'sync')).toBe(true)

    desk.core.lock('manual')
    await scheduler.check()
    scheduler.stop()
    expect(timers.pending).toHaveLength(0)
  })
})
