import { afterEach, describe, expect, it } from 'vitest'
import type { SetTimer, WatchFolder } from '../../../src/main/core/ports'
import { nodeWatchFolder } from '../../../src/main/core/sync/fs-watch'
import { createSyncScheduler, type SyncScheduler } from '../../../src/main/core/sync/sync-scheduler'
import { TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'
import { enableBoth, twoComputers, type TwoComputers } from '../../helpers/sync/two-vaults'

const SETTLE_MS = 2_000
const INTERVAL_MS = 30_000

let two: TwoComputers | null = null
let schedulers: SyncScheduler[] = []
afterEach(() => {
  for (const scheduler of schedulers) scheduler.stop()
  schedulers = []
  two?.cleanup()
  two = null
})

/** Timers held by the test: `fire(ms)` runs the pending timer set for that many milliseconds. */
function manualTimers() {
  const pending: Array<{ callback: () => void; ms: number }> = []
  const setTimer: SetTimer = (callback, ms) => {
    const timer = { callback, ms }
    pending.push(timer)
    return { cancel: () => void (pending.includes(timer) && pending.splice(pending.indexOf(timer), 1)) }
  }
  return {
    setTimer,
    pending: (ms: number) => pending.filter((timer) => timer.ms === ms).length,
    fire(ms: number): void {
      const timer = pending.find((t) => t.ms === ms)
      if (!timer) throw new Error(`no timer of ${ms} ms`)
      pending.splice(pending.indexOf(timer), 1)
      timer.callback()
    },
  }
}

const realTimer: SetTimer = (callback, ms) => {
  const handle = setTimeout(callback, ms)
  return { cancel: () => clearTimeout(handle) }
}

const write = (v: TestVault, body: string) => v.core.reflections.create({ body, mood: null, tags: [], sessionId: null, bringToSession: false })

/** The vault's sync service with its passes counted, and optionally held at a gate. */
function countedSync(v: TestVault) {
  const counts = { started: 0, finished: 0, atOnce: 0, mostAtOnce: 0 }
  let gate: Promise<void> = Promise.resolve()
  const sync = {
    ...v.core.sync,
    async syncNow(options: Parameters<TestVault['core']['sync']['syncNow']>[0]) {
      counts.started++
      counts.mostAtOnce = Math.max(counts.mostAtOnce, ++counts.atOnce)
      try {
        await gate
        return await v.core.sync.syncNow(options)
      } finally {
        counts.atOnce--
        counts.finished++
      }
    },
  }
  return {
    core: { vault: v.core.vault, sync },
    counts,
    /** Holds passes until the returned function is called. */
    hold(): () => void {
      let open = (): void => undefined
      gate = new Promise((resolve) => (open = resolve))
      return open
    },
  }
}

/** fs.watch handles open in this process. */
const watchHandles = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'FSEventWrap').length

describe('sync on its own', () => {
  it('passes on start and on every tick while unlocked; nothing while locked; progress is sent', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    const timers = manualTimers()
    const scheduler = createSyncScheduler({ core: desk.core, setTimer: timers.setTimer })
    schedulers.push(scheduler)
    scheduler.start()
    await expect.poll(() => timers.pending(INTERVAL_MS)).toBe(1)

    const entry = write(laptop, 'written while the desk waits')
    await laptop.core.sync.syncNow({})
    timers.fire(INTERVAL_MS)
    await expect.poll(() => timers.pending(INTERVAL_MS)).toBe(1)
    expect(desk.core.reflections.get({ id: entry.id }).body).toBe('written while the desk waits')
    expect(desk.events.log.some((e) => e.event === 'job.progress' && (e.payload as { op?: string }).op === 'sync')).toBe(true)

    desk.core.lock('manual')
    await scheduler.check()
    scheduler.stop()
    expect(timers.pending(INTERVAL_MS) + timers.pending(SETTLE_MS)).toBe(0)
  })

  it('a burst of saves is one pass once they settle; a reason that comes during a pass makes one more after it', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    const timers = manualTimers()
    const counted = countedSync(laptop)
    const scheduler = createSyncScheduler({ core: counted.core, setTimer: timers.setTimer })
    schedulers.push(scheduler)
    scheduler.start()
    await expect.poll(() => timers.pending(INTERVAL_MS)).toBe(1)
    expect(counted.counts.finished).toBe(1)

    // Three saves: one settle timer, restarted by each.
    const entry = write(laptop, 'first words')
    laptop.core.reflections.update({ id: entry.id, patch: { mood: 2 } })
    laptop.core.reflections.update({ id: entry.id, patch: { body: 'first words, then more' } })
    expect(timers.pending(SETTLE_MS)).toBe(1)
    timers.fire(SETTLE_MS)
    await expect.poll(() => counted.counts.finished).toBe(2)
    expect(timers.pending(SETTLE_MS)).toBe(0)
    await desk.core.sync.syncNow({})
    expect(desk.core.reflections.get({ id: entry.id })).toMatchObject({ body: 'first words, then more', mood: 2 })

    // A pass held open; saves settle twice while it runs: exactly one more pass, never two at once.
    const release = counted.hold()
    laptop.core.reflections.update({ id: entry.id, patch: { mood: 3 } })
    timers.fire(SETTLE_MS)
    await expect.poll(() => counted.counts.started).toBe(3)
    laptop.core.reflections.update({ id: entry.id, patch: { mood: 4 } })
    timers.fire(SETTLE_MS)
    laptop.core.reflections.update({ id: entry.id, patch: { mood: 5 } })
    timers.fire(SETTLE_MS)
    release()
    await expect.poll(() => counted.counts.finished).toBe(4)
    expect(counted.counts.started).toBe(4)
    expect(counted.counts.mostAtOnce).toBe(1)
    await desk.core.sync.syncNow({})
    expect(desk.core.reflections.get({ id: entry.id }).mood).toBe(5)
  })

  // A network share: the folder is listed every few milliseconds instead of watched (fs.watch hears nothing of other computers there).
  it.each([
    ['watched', nodeWatchFolder()],
    ['on a network share, listed', nodeWatchFolder(20, () => true)],
  ])('a file another computer writes into the folder wakes the scheduler (%s), and its edit is applied', async (_how, watcher) => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    const entry = write(laptop, 'before the watch')
    await laptop.core.sync.syncNow({})
    await desk.core.sync.syncNow({})

    const heard: Array<string | null> = []
    const watchFolder: WatchFolder = (dir, onChange) =>
      watcher(dir, (path) => {
        heard.push(path)
        onChange(path)
      })
    // The timer is an hour: only the watcher can start the desk's pass within the test.
    const counted = countedSync(desk)
    const scheduler = createSyncScheduler({ core: counted.core, setTimer: realTimer, folderSettleMs: 10, intervalMs: 3_600_000, watchFolder })
    schedulers.push(scheduler)
    scheduler.start()
    await expect.poll(() => counted.counts.finished).toBe(1)

    laptop.core.reflections.update({ id: entry.id, patch: { body: 'written on the laptop, seen at the desk' } })
    await laptop.core.sync.syncNow({})
    await expect.poll(() => desk.core.reflections.get({ id: entry.id }).body, { timeout: 20_000 }).toBe('written on the laptop, seen at the desk')
    const laptopId = (laptop.core.sync.status() as { deviceId: string }).deviceId
    expect(heard.some((path) => path?.startsWith(`${laptopId}/`))).toBe(true)
    // The test's folder is a local one: Settings says nothing of checking it every few seconds.
    expect(desk.core.sync.status()).toMatchObject({ checkedEverySeconds: null })
  })

  it('the watcher is open only while unlocked and on: lock and turning sync off leave no handle', async () => {
    two = await twoComputers()
    const { laptop, desk } = two
    await enableBoth(two)
    write(laptop, 'so the devices folder exists')
    await laptop.core.sync.syncNow({})
    const timers = manualTimers()
    const before = watchHandles()
    const scheduler = createSyncScheduler({ core: desk.core, setTimer: timers.setTimer, watchFolder: nodeWatchFolder() })
    schedulers.push(scheduler)
    scheduler.start()
    await expect.poll(() => timers.pending(INTERVAL_MS)).toBe(1)
    expect(watchHandles()).toBeGreaterThan(before)

    desk.core.lock('manual')
    await expect.poll(watchHandles).toBe(before)

    // Unlocking starts a pass once it settles, which watches again; turning sync off stops it.
    await desk.core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    expect(timers.pending(SETTLE_MS)).toBe(1)
    timers.fire(SETTLE_MS)
    await expect.poll(() => watchHandles()).toBeGreaterThan(before)
    desk.core.sync.disable()
    await expect.poll(watchHandles).toBe(before)
    expect(timers.pending(SETTLE_MS)).toBe(0)
    scheduler.stop()
    expect(timers.pending(INTERVAL_MS)).toBe(0)
  })
})
