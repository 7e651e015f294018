import { describe, expect, it } from 'vitest'
import { addLocalDays, instantFromLocalParts, instantFromWall, localParts, startOfLocalDay } from './local-time'

const LONDON = 'Europe/London'

describe('local time in a zone', () => {
  it('reads and writes a date and time in the zone', () => {
    const t = instantFromLocalParts('2026-07-01', '17:30', LONDON)
    expect(t).toBe(Date.UTC(2026, 6, 1, 16, 30))
    expect(localParts(t as number, LONDON)).toEqual({ date: '2026-07-01', time: '17:30' })
    expect(instantFromLocalParts('2026-13-01', '17:30', LONDON)).toBeNull()
    expect(instantFromLocalParts('2026-07-01', '', LONDON)).toBeNull()
  })

  it('keeps the local time across clock changes, both ways', () => {
    const spring = Date.UTC(2026, 2, 24, 17) // Tue 17:00 GMT
    expect(localParts(addLocalDays(spring, 7, LONDON), LONDON)).toEqual({ date: '2026-03-31', time: '17:00' })
    const autumn = Date.UTC(2026, 9, 20, 16) // Tue 17:00 BST
    expect(localParts(addLocalDays(autumn, 7, LONDON), LONDON)).toEqual({ date: '2026-10-27', time: '17:00' })
  })

  it('moves a time in the spring gap forward and picks the first of a repeated hour', () => {
    expect(instantFromWall(Date.UTC(2026, 2, 29, 1, 30), LONDON)).toBe(Date.UTC(2026, 2, 29, 1, 30))
    expect(instantFromWall(Date.UTC(2026, 9, 25, 1, 30), LONDON)).toBe(Date.UTC(2026, 9, 25, 0, 30))
  })

  it('finds the start of the local day', () => {
    expect(startOfLocalDay(Date.UTC(2026, 6, 1, 23, 30), LONDON)).toBe(Date.UTC(2026, 6, 1, 23))
    expect(startOfLocalDay(Date.UTC(2026, 6, 1, 12), 'Asia/Tokyo')).toBe(Date.UTC(2026, 5, 30, 15))
  })
})
