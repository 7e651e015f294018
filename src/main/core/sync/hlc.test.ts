import { describe, expect, it } from 'vitest'
import { createHlc, isStamp, stampDevice } from './hlc'

const A = 'aaaaaaaaaaaaaaaa'
const B = 'bbbbbbbbbbbbbbbb'
const HOUR = 3_600_000

describe('hybrid logical clock', () => {
  it('makes increasing stamps even when the wall clock stands still or goes back', () => {
    let now = 1_000_000
    const hlc = createHlc(A, () => now)
    const first = hlc.next()
    const second = hlc.next()
    now -= HOUR
    const third = hlc.next()
    expect(first < second && second < third).toBe(true)
    expect(isStamp(third) && stampDevice(third) === A).toBe(true)
  })

  it('orders an edit made after receiving another after it, though this clock is hours behind', () => {
    const ahead = createHlc(A, () => Date.UTC(2026, 11, 7, 15))
    const behind = createHlc(B, () => Date.UTC(2026, 11, 7, 10))
    const remote = ahead.next()
    behind.observe(remote)
    expect(behind.next() > remote).toBe(true)
  })

  it('resumes after the last stamp it persisted', () => {
    const hlc = createHlc(A, () => 5)
    const last = hlc.next()
    expect(createHlc(A, () => 0, last).next() > last).toBe(true)
  })
})
