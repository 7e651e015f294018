import { tzOffset } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { DAY, HOUR, MINUTE, Zone, weekdayOfWall } from './zone'

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi)

describe('Zone.fromWall', () => {
  it.each([
    // zone, wall (read as UTC), expected instant, why
    ['Europe/London', utc(2026, 1, 15, 9), utc(2026, 1, 15, 9), 'winter: GMT'],
    ['Europe/London', utc(2026, 7, 15, 9), utc(2026, 7, 15, 8), 'summer: BST'],
    [
      'Europe/London',
      utc(2026, 3, 29, 1, 30),
      utc(2026, 3, 29, 1),
      'spring gap: first instant after it',
    ],
    [
      'Europe/London',
      utc(2026, 10, 25, 1, 30),
      utc(2026, 10, 25, 0, 30),
      'fall overlap: the first of the two',
    ],
    [
      'America/New_York',
      utc(2026, 3, 8, 2, 30),
      utc(2026, 3, 8, 7),
      'spring gap 02:00 -> 03:00 EDT',
    ],
    [
      'America/New_York',
      utc(2026, 11, 1, 1, 30),
      utc(2026, 11, 1, 5, 30),
      'fall overlap: EDT first',
    ],
    [
      'Australia/Lord_Howe',
      utc(2026, 10, 4, 2, 15),
      utc(2026, 10, 3, 15, 30),
      '30-minute spring gap 02:00 -> 02:30',
    ],
    [
      'Australia/Lord_Howe',
      utc(2026, 4, 5, 1, 45),
      utc(2026, 4, 4, 14, 45),
      '30-minute fall overlap: +11 first',
    ],
  ])('%s %s', (zone, wall, expected) => {
    expect(new Zone(zone).fromWall(wall)).toBe(expected)
  })
})

describe('Zone calendar helpers', () => {
  it('starts of day and week follow local midnight across a change', () => {
    const z = new Zone('Europe/London')
    const t = utc(2026, 3, 29, 12) // Sunday, BST since 01:00Z
    expect(z.startOfDay(t)).toBe(utc(2026, 3, 29, 0))
    expect(z.startOfNextDay(t)).toBe(utc(2026, 3, 29, 23)) // Monday 00:00 BST
    expect(z.startOfWeek(t)).toBe(utc(2026, 3, 23, 0)) // Monday 23 March, GMT
    expect(z.startOfNextWeek(t)).toBe(utc(2026, 3, 29, 23))
  })

  it('adds business days keeping the local time of day', () => {
    const z = new Zone('America/New_York')
    const fri = utc(2026, 3, 6, 15) // Friday 10:00 EST
    expect(z.addBusinessDays(fri, 1)).toBe(utc(2026, 3, 9, 14)) // Monday 10:00 EDT
    expect(z.addBusinessDays(fri, 5)).toBe(utc(2026, 3, 13, 14))
    const sat = utc(2026, 3, 7, 15)
    expect(z.addBusinessDays(sat, 1)).toBe(utc(2026, 3, 9, 14))
  })

  it('knows weekdays of wall times', () => {
    expect(weekdayOfWall(utc(2026, 3, 10))).toBe(2) // Tuesday
    expect(weekdayOfWall(utc(1969, 12, 28))).toBe(0)
  })

  it('finds transitions to the minute', () => {
    const z = new Zone('Australia/Lord_Howe')
    const before = utc(2026, 10, 3, 12)
    expect(z.transitionBetween(before, before + DAY)).toBe(utc(2026, 10, 3, 15, 30))
    expect(z.offset(utc(2026, 10, 3, 15, 30)) - z.offset(utc(2026, 10, 3, 15, 30) - MINUTE)).toBe(
      30,
    )
    expect(HOUR).toBe(60 * MINUTE)
  })
})

describe('Zone.offset (hour-sampled) agrees with Intl everywhere', () => {
  it.each([
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Asia/Kathmandu',
  ])('%s', (zone) => {
    const z = new Zone(zone)
    const start = Date.UTC(2026, 0, 1)
    // Every 29 minutes and 13 seconds through the year, and every 10 seconds around each change.
    const step = 29 * MINUTE + 13_000
    const mismatches: number[] = []
    const check = (t: number) => {
      if (z.offset(t) !== tzOffset(zone, new Date(t))) mismatches.push(t)
    }
    for (let t = start; t < start + 366 * DAY; t += step) {
      check(t)
      if (tzOffset(zone, new Date(t)) !== tzOffset(zone, new Date(t + step))) {
        for (let u = t; u <= t + step; u += 10_000) check(u)
      }
    }
    expect(mismatches).toEqual([])
  })
})
