import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { bucketsThatFit, PIXELS_PER_POINT, type MoodBucketSize } from '../../../src/renderer/src/features/timeline/mood-fit'
import type { MoodBucket } from '../../../src/shared/ipc/contracts/journal'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

const DAY = 86_400_000

/**
 * The mood chart's choice of day, week or month, over the real core's averages: the chosen size
 * while its points fit the chart's width (PIXELS_PER_POINT each), the next coarser one otherwise.
 */
describe('mood chart: buckets that fit the chart', () => {
  let vault: TestVault
  beforeEach(async () => {
    vault = await createTestVault()
  })
  afterEach(() => vault.cleanup())

  const rate = (at: number, mood: number) => {
    vault.clock.set(at)
    vault.core.reflections.create({ body: '', mood, tags: [], sessionId: null, bringToSession: false })
  }
  const reader = (timeZone: string, asked: MoodBucketSize[] = []) => async (bucket: MoodBucketSize): Promise<MoodBucket[]> => {
    asked.push(bucket)
    const result = await dispatch(vault.handlers, 'mood.trend', { timeZone, bucket })
    if (!result.ok) throw new Error(result.error.code)
    return (result.value as { buckets: MoodBucket[] }).buckets
  }

  it('keeps days while the points exactly fill the chart, and goes to weeks one pixel short', async () => {
    // Ten days in a row from Monday 2 March 2026: ten day points, two weeks.
    for (let i = 0; i < 10; i++) rate(Date.UTC(2026, 2, 2, 12) + i * DAY, 1 + (i % 5))
    const asked: MoodBucketSize[] = []
    const exact = await bucketsThatFit('day', 10 * PIXELS_PER_POINT, reader('UTC', asked))
    expect(exact.shownBy).toBe('day')
    expect(exact.buckets).toHaveLength(10)
    expect(asked).toEqual(['day'])

    const short = await bucketsThatFit('day', 10 * PIXELS_PER_POINT - 1, reader('UTC'))
    expect(short.shownBy).toBe('week')
    expect(short.buckets.map((b) => [b.start, b.count])).toEqual([
      [Date.UTC(2026, 2, 2), 7],
      [Date.UTC(2026, 2, 9), 3],
    ])
  })

  it('goes from days past weeks to months when weeks do not fit either; months are kept even when they do not fit', async () => {
    // One rating a week for 30 weeks: 30 days, 30 weeks, 7 or 8 months.
    const first = Date.UTC(2026, 0, 5, 12) // a Monday
    for (let i = 0; i < 30; i++) rate(first + i * 7 * DAY, 3)
    const asked: MoodBucketSize[] = []
    const fit = await bucketsThatFit('day', 29 * PIXELS_PER_POINT, reader('UTC', asked))
    expect(asked).toEqual(['day', 'week', 'month'])
    expect(fit.shownBy).toBe('month')
    expect(fit.buckets.map((b) => b.start)).toEqual([0, 1, 2, 3, 4, 5, 6].map((m) => Date.UTC(2026, m, 1)))
    expect(fit.buckets.reduce((n, b) => n + b.count, 0)).toBe(30)

    const weeks = await bucketsThatFit('week', 30 * PIXELS_PER_POINT, reader('UTC'))
    expect(weeks.shownBy).toBe('week')
    expect(weeks.buckets).toHaveLength(30)

    const tiny = await bucketsThatFit('week', 1, reader('UTC'))
    expect(tiny.shownBy).toBe('month')
    expect(tiny.buckets).toHaveLength(7)
  })

  it('counts the points in the person’s zone: the same ratings fit by week in one zone and not in another', async () => {
    rate(Date.UTC(2026, 2, 8, 23, 30), 2) // Sunday 23:30 UTC: Sunday evening in New York
    rate(Date.UTC(2026, 2, 9, 0, 30), 4) // Monday 00:30 UTC: still Sunday in New York
    const room = 1 * PIXELS_PER_POINT // room for one point

    const london = await bucketsThatFit('week', room, reader('UTC'))
    expect(london.shownBy).toBe('month') // two weeks in UTC, one month
    expect(london.buckets).toEqual([{ start: Date.UTC(2026, 2, 1), average: 3, low: 2, high: 4, count: 2 }])

    const newYork = await bucketsThatFit('week', room, reader('America/New_York'))
    expect(newYork.shownBy).toBe('week') // both on Sunday 8 March there: the week from Monday 2 March
    expect(newYork.buckets).toEqual([{ start: Date.UTC(2026, 2, 2, 5), average: 3, low: 2, high: 4, count: 2 }])
  })
})
