import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { displayDateTimes } from './display-date-times'
import { intlOffsetAt, zoneOffsets } from './zone-offsets'
import { displayDateTime } from './zoned-time'

/** Zones with DST both ways, half- and quarter-hour offsets, a 30-minute DST, a skipped day, none. */
const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Africa/Casablanca',
  'Europe/Moscow',
  'UTC',
]
const LOCALES = ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'ja-JP', 'ar-EG', 'zh-TW', 'ko-KR', 'hi-IN', 'fa-IR', 'ja-JP-u-ca-japanese']

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Instants where the words change: DST changes in several zones, year ends, Samoa's skipped day. */
const MOMENTS = [
  Date.UTC(2026, 2, 29, 1),
  Date.UTC(2026, 9, 25, 1),
  Date.UTC(2026, 2, 8, 7),
  Date.UTC(2026, 10, 1, 6),
  Date.UTC(2026, 3, 4, 15),
  Date.UTC(2025, 9, 4, 15, 30),
  Date.UTC(2011, 11, 30, 10),
  Date.UTC(2018, 1, 17, 2),
  Date.UTC(1986, 0, 1),
  ...[1999, 2019, 2025, 2026, 2030].map((year) => Date.UTC(year, 11, 31, 23, 59, 59, 999)),
]

/** Instants around the moments (up to two days either side, any millisecond) and anywhere in 1900–2100. */
const instant = fc.oneof(
  fc.tuple(fc.constantFrom(...MOMENTS), fc.integer({ min: -2 * DAY, max: 2 * DAY })).map(([moment, delta]) => moment + delta),
  fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
)

describe('displayDateTimes: the same words as Intl, from a few calls', () => {
  it('gives exactly displayDateTime for any instants, zones and locales, in any order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.array(fc.tuple(instant, fc.constantFrom(...ZONES)), { minLength: 1, maxLength: 300 }), (locale, instants) => {
        const show = displayDateTimes(locale)
        for (const [ms, zone] of instants) expect(show(ms, zone)).toBe(displayDateTime(ms, zone, locale))
      }),
      { numRuns: 120 },
    )
  })

  it('gives exactly displayDateTime minute by minute through DST changes and year ends', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
      for (const locale of ['en-GB', 'en-US', 'ar-EG']) {
        const show = displayDateTimes(locale)
        for (const moment of MOMENTS) for (let ms = moment - 3 * HOUR; ms < moment + 3 * HOUR; ms += 60_000 + 1_017) expect(show(ms, zone)).toBe(displayDateTime(ms, zone, locale))
      }
    }
  })

  it('asks Intl once per local day and minute of the day, not per instant', () => {
    // format is a getter (a bound function), typed as a method: each call reads it once.
    const format = vi.spyOn(Intl.DateTimeFormat.prototype as unknown as { format: unknown }, 'format', 'get')
    try {
      for (const locale of ['en-US', 'ja-JP']) {
        const show = displayDateTimes(locale)
        const before = format.mock.calls.length
        // 20,000 instants over 70 days, as a busy journal's export shows them.
        for (let i = 0; i < 20_000; i++) show(Date.UTC(2026, 1, 1) + i * 301_013, 'Europe/London')
        // A day, its offset, each minute once; about 27 more to find the DST change of 29 March.
        expect(format.mock.calls.length - before).toBeLessThan(2 * 71 + 1440 + 40)
      }
    } finally {
      format.mockRestore()
    }
  })

  it('asks Intl outside 1900–9999 and keeps the same words there', () => {
    const show = displayDateTimes('en-GB')
    for (const ms of [Date.UTC(1850, 5, 1, 12), Date.UTC(1899, 11, 31, 23, 59), -8.64e15]) expect(show(ms, 'Europe/London')).toBe(displayDateTime(ms, 'Europe/London', 'en-GB'))
  })
})

describe('zoneOffsets', () => {
  it('gives each instant the offset Intl gives it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.array(instant, { minLength: 1, maxLength: 200 }), (zone, instants) => {
        const offsetAt = zoneOffsets(zone)
        for (const ms of instants) expect(offsetAt(ms)).toBe(intlOffsetAt(ms, zone))
      }),
      { numRuns: 60 },
    )
  })

  it('finds a change to the millisecond and asks about twice per day', () => {
    let calls = 0
    const change = Date.UTC(2026, 2, 29, 1)
    const offsetAt = zoneOffsets('Test/Zone', (ms) => {
      calls++
      return ms < change ? 0 : HOUR
    })
    expect(offsetAt(change - 1)).toBe(0)
    expect(offsetAt(change)).toBe(HOUR)
    expect(offsetAt(change + 5 * HOUR)).toBe(HOUR)
    for (let day = 1; day <= 100; day++) offsetAt(change + day * DAY)
    expect(calls).toBeLessThan(40 + 101)
  })

  it('knows offsets with seconds (local mean time) and half-hour steps', () => {
    expect(intlOffsetAt(Date.UTC(1800, 0, 1), 'Europe/London')).toBe(-75_000)
    expect(intlOffsetAt(Date.UTC(2026, 0, 1), 'Asia/Kathmandu')).toBe(5.75 * HOUR)
    expect(intlOffsetAt(Date.UTC(2026, 0, 1), 'Australia/Lord_Howe')).toBe(11 * HOUR)
  })
})
