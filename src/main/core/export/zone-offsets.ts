/**
 * A time zone's offset from UTC at any instant, asked of Intl about twice per UTC day instead of
 * once per instant: an export shows hundreds of thousands of instants, a few thousand days.
 */
import { zonedParts } from './zoned-time'

export const DAY_MS = 86_400_000

const numericFormats = new Map<string, Intl.DateTimeFormat>()
const numericFormat = (timeZone: string): Intl.DateTimeFormat => {
  let format = numericFormats.get(timeZone)
  if (format === undefined) {
    const numeric = 'numeric'
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric, second: numeric })
    numericFormats.set(timeZone, format)
  }
  return format
}
/** "3/1/2026, 17:05:09": what numericFormat writes (format() is a few times cheaper than formatToParts). */
const NUMERIC = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/

/** The zone's offset at `ms` in milliseconds (whole seconds: the zone data has no finer offsets), from Intl. */
export function intlOffsetAt(ms: number, timeZone: string): number {
  const match = NUMERIC.exec(numericFormat(timeZone).format(ms))
  const p = match ? { month: match[1]!, day: match[2]!, year: match[3]!, hour: match[4]!, minute: match[5]!, second: match[6]! } : zonedParts(ms, timeZone)
  const wall = new Date(0)
  wall.setUTCFullYear(Number(p.year), Number(p.month) - 1, Number(p.day))
  wall.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second))
  return wall.getTime() - Math.floor(ms / 1000) * 1000
}

/**
 * Offsets within one UTC day: the same all day (a number) or, on a day the zone changes its
 * offset, the instants each offset starts at with the offset, in order.
 */
type DayOffsets = number | Array<{ from: number; offset: number }>

/**
 * The offsets of one zone, learnt a UTC day at a time. A day whose start and end have the same
 * offset is taken to keep it all day (no zone in the time zone data changes its offset and back
 * within one day); on a day they differ, each change is found to the millisecond by bisection.
 */
export function zoneOffsets(timeZone: string, offsetAt: (ms: number) => number = (ms) => intlOffsetAt(ms, timeZone)): (ms: number) => number {
  const days = new Map<number, DayOffsets>()
  const boundaries = new Map<number, number>()
  const atBoundary = (ms: number): number => {
    let offset = boundaries.get(ms)
    if (offset === undefined) {
      offset = offsetAt(ms)
      boundaries.set(ms, offset)
    }
    return offset
  }

  const learn = (day: number): DayOffsets => {
    const start = day * DAY_MS
    const first = atBoundary(start)
    const last = atBoundary(start + DAY_MS)
    if (first === last) return first
    const changes = [{ from: start, offset: first }]
    let from = start
    let offset = first
    while (offset !== last) {
      // The first instant after `from` whose offset is not `offset`: within (from, end of day].
      let low = from
      let high = start + DAY_MS
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2)
        if (offsetAt(middle) === offset) low = middle
        else high = middle
      }
      from = high
      offset = offsetAt(high)
      changes.push({ from, offset })
    }
    return changes
  }

  return (ms) => {
    const day = Math.floor(ms / DAY_MS)
    let known = days.get(day)
    if (known === undefined) {
      known = learn(day)
      days.set(day, known)
    }
    if (typeof known === 'number') return known
    let offset = known[0]!.offset
    for (const change of known) if (change.from <= ms) offset = change.offset
    return offset
  }
}
