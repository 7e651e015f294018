import type { MoodBucket } from '../../../../shared/ipc/contracts/journal'

export type MoodBucketSize = 'day' | 'week' | 'month'

/** The chart keeps about this many CSS pixels per point; more points than that would be a solid block. */
export const PIXELS_PER_POINT = 2
const COARSER: Record<MoodBucketSize, MoodBucketSize | null> = { day: 'week', week: 'month', month: null }

/**
 * The buckets for a chart `pixels` wide: the chosen size, or the next coarser one (day, week,
 * month) while there are more points than the chart has room for. Months always fit: a chart
 * is never narrower than a lifetime of months needs.
 */
export async function bucketsThatFit(
  bucket: MoodBucketSize,
  pixels: number,
  read: (bucket: MoodBucketSize) => Promise<MoodBucket[]>,
): Promise<{ buckets: MoodBucket[]; shownBy: MoodBucketSize }> {
  let shownBy = bucket
  for (;;) {
    const buckets = await read(shownBy)
    const coarser = COARSER[shownBy]
    if (buckets.length * PIXELS_PER_POINT <= pixels || coarser === null) return { buckets, shownBy }
    shownBy = coarser
  }
}
