import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createAutoLock, DEFAULT_POLL_MS, type AutoLockOptions, type AutoLockReason } from './auto-lock'

const MINUTE = 60_000

/** A fake clock and interval that only move when the test says so. */
function harness(timeout: number | null = 5, overrides: Partial<AutoLockOptions> = {}) {
  let now = 1_700_000_000_000
  let interval: { callback: () => void; ms: number; next: number } | null = null
  const locks: AutoLockReason[] = []
  const state = { timeout }
  const autoLock = createAutoLock({
    clock: { now: () => now },
    timers: {
      setInterval: (callback, ms) => {
        interval = { callback, ms, next: now + ms }
        return 1
      },
      clearInterval: () => {
        interval = null
      },
    },
    lockTimeoutMinutes: () => state.timeout,
    lock: (reason) => locks.push(reason),
    ...overrides,
  })
  /** Moves time forward by ms, firing the interval on every period (as a live machine would). */
  const advance = (ms: number): void => {
    const end = now + ms
    while (interval && interval.next <= end) {
      now = interval.next
      interval.next += interval.ms
      interval.callback()
    }
    now = end
  }
  /** Moves the clock without firing timers in between (the machine was asleep). */
  const jump = (ms: number): void => {
    now += ms
    if (interval) interval.next += ms
  }
  return { autoLock, advance, jump, locks, state, running: () => interval !== null }
}

describe('auto-lock', () => {
  it('locks once after the idle timeout, not before', () => {
    const h = harness(5)
    h.autoLock.start()
    h.advance(5 * MINUTE - DEFAULT_POLL_MS - 1)
    expect(h.locks).toEqual([])
    h.advance(DEFAULT_POLL_MS + 1)
    expect(h.locks).toEqual(['idle'])
    h.advance(30 * MINUTE)
    expect(h.locks).toEqual(['idle'])
  })

  it('activity postpones the lock; the next idle period locks again', () => {
    const h = harness(2)
    h.autoLock.start()
    for (let i = 0; i < 10; i += 1) {
      h.advance(MINUTE)
      h.autoLock.activity()
    }
    expect(h.locks).toEqual([])
    h.advance(2 * MINUTE + DEFAULT_POLL_MS)
    expect(h.locks).toEqual(['idle'])
    h.autoLock.activity()
    h.advance(2 * MINUTE + DEFAULT_POLL_MS)
    expect(h.locks).toEqual(['idle', 'idle'])
  })

  it('"only when I lock" (null) never locks for idleness', () => {
    const h = harness(null)
    h.autoLock.start()
    h.advance(24 * 60 * MINUTE)
    expect(h.locks).toEqual([])
  })

  it('a changed preference applies on the next tick', () => {
    const h = harness(60)
    h.autoLock.start()
    h.advance(10 * MINUTE)
    expect(h.locks).toEqual([])
    h.state.timeout = 1
    h.advance(DEFAULT_POLL_MS)
    expect(h.locks).toEqual(['idle'])
  })

  it('suspend and screen lock lock at once, even with "only when I lock"', () => {
    const h = harness(null)
    h.autoLock.start()
    h.autoLock.power('suspend')
    h.autoLock.power('resume')
    h.autoLock.power('lock-screen')
    h.autoLock.power('unlock-screen')
    expect(h.locks).toEqual(['suspend', 'screen-lock'])
  })

  it('Linux: a locked session (system idle state) locks once within one poll, even with "only when I lock"', () => {
    let system: 'active' | 'idle' | 'locked' | 'unknown' = 'active'
    const h = harness(null, { systemIdleState: () => system })
    h.autoLock.start()
    h.advance(3 * DEFAULT_POLL_MS)
    expect(h.locks).toEqual([])
    system = 'locked'
    h.advance(DEFAULT_POLL_MS)
    expect(h.locks).toEqual(['screen-lock'])
    // Still locked for an hour: no second lock.
    h.advance(60 * MINUTE)
    expect(h.locks).toEqual(['screen-lock'])
    // Unlocked, then locked again: a new locked period, a new lock.
    system = 'active'
    h.advance(DEFAULT_POLL_MS)
    system = 'locked'
    h.advance(DEFAULT_POLL_MS)
    expect(h.locks).toEqual(['screen-lock', 'screen-lock'])
  })

  it('Linux: leaving the lock screen restarts the idle count; idle and unknown states never lock by themselves', () => {
    let system: 'active' | 'idle' | 'locked' | 'unknown' = 'idle'
    const h = harness(5, { systemIdleState: () => system })
    h.autoLock.start()
    h.advance(4 * MINUTE)
    system = 'unknown'
    h.advance(30_000)
    expect(h.locks).toEqual([])
    system = 'locked'
    h.advance(DEFAULT_POLL_MS)
    expect(h.locks).toEqual(['screen-lock'])
    system = 'active'
    h.advance(DEFAULT_POLL_MS)
    // The idle timeout counts from the unlock, not from the last activity before it.
    h.advance(5 * MINUTE - 2 * DEFAULT_POLL_MS)
    expect(h.locks).toEqual(['screen-lock'])
    h.advance(2 * DEFAULT_POLL_MS)
    expect(h.locks).toEqual(['screen-lock', 'idle'])
  })

  it('resume restarts the idle count from now', () => {
    const h = harness(5)
    h.autoLock.start()
    h.advance(4 * MINUTE)
    h.autoLock.power('suspend')
    h.autoLock.power('resume')
    h.advance(4 * MINUTE)
    expect(h.locks).toEqual(['suspend'])
  })

  it('a sleep the OS did not report (clock gap between ticks) locks as suspend', () => {
    const h = harness(null)
    h.autoLock.start()
    h.advance(MINUTE)
    h.jump(3 * MINUTE)
    h.advance(DEFAULT_POLL_MS)
    expect(h.locks).toEqual(['suspend'])
  })

  it('stop() stops the timer; start() is idempotent', () => {
    const h = harness(1)
    h.autoLock.start()
    h.autoLock.start()
    h.autoLock.stop()
    expect(h.running()).toBe(false)
    h.advance(10 * MINUTE)
    expect(h.locks).toEqual([])
  })

  it('property: never locks while activity comes more often than the timeout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 40 }),
        (minutes, gaps) => {
          const h = harness(minutes)
          h.autoLock.start()
          for (const gap of gaps) {
            h.advance(Math.min(gap, minutes * MINUTE - 1))
            h.autoLock.activity()
          }
          return h.locks.length === 0
        },
      ),
    )
  })

  it('property: always locks within timeout + one poll of the last activity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 600_000 }), (minutes, before) => {
        const h = harness(minutes)
        h.autoLock.start()
        h.advance(before)
        h.autoLock.activity()
        const earlier = h.locks.length
        h.advance(minutes * MINUTE - 1)
        const tooEarly = h.locks.length > earlier
        h.advance(DEFAULT_POLL_MS + 1)
        return !tooEarly && h.locks.length === earlier + 1 && h.locks.at(-1) === 'idle'
      }),
    )
  })
})
