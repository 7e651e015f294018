import { describe, expect, it } from 'vitest'
import { addDays, mondayOf, weekDays } from './diary-week'

describe('diary card weeks', () => {
  it('start on the Monday on or before a day, across month and year ends', () => {
    expect(mondayOf('2026-03-04')).toBe('2026-03-02')
    expect(mondayOf('2026-03-02')).toBe('2026-03-02')
    expect(mondayOf('2026-03-01')).toBe('2026-02-23')
    expect(mondayOf('2027-01-02')).toBe('2026-12-28')
    expect(weekDays('2026-03-30')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05'])
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
  })
})
