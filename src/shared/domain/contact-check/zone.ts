/**
 * Wall-clock arithmetic in an IANA zone, built on @date-fns/tz's tzOffset (Intl underneath).
 *
 * "Wall" values are milliseconds on a zone-less timeline: the local date and time read as if it
 * were UTC. wall(t) = t + offset(t). Across a spring-forward gap some walls never happen; across
 * a fall-back overlap some happen twice. The helpers below say exactly which instant they pick.
 */
import { tzOffset } from '@date-fns/tz'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

const validZones = new Map<string, boolean>()

/** True when the runtime knows this IANA zone. */
export function isValidZone(zone: string): boolean {
  let ok = validZones.get(zone)
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      ok = Number.isFinite(tzOffset(zone, new Date(0)))
    } catch {
      ok = false
    }
    validZones.set(zone, ok)
  }
  return ok
}

/** UTC offset in minutes at instant t (e.g. 60 for Europe/London in summer). */
export function offsetMinutes(zone: string, t: number): number {
  return tzOffset(zone, new Date(t))
}

/** Offsets on whole UTC hours, per zone, shared across evaluations. Bounded; cleared when full. */
const hourOffsets = new Map<string, Map<number, number>>()
const MAX_HOURS = 20_000

function offsetAtHour(zone: string, hour: number): number {
  let memo = hourOffsets.get(zone)
  if (!memo) {
    memo = new Map()
    hourOffsets.set(zone, memo)
  }
  let o = memo.get(hour)
  if (o === undefined) {
    o = offsetMinutes(zone, hour * HOUR)
    if (memo.size >= MAX_HOURS) memo.clear()
    memo.set(hour, o)
  }
  return o
}

/** Zone-bound helpers. */
export class Zone {
  constructor(readonly name: string) {}

  /**
   * The offset at t. When the whole UTC hours either side of t share an offset, t has it too: no
   * zone changes its clocks twice within an hour. Otherwise (a change inside this hour) ask Intl.
   */
  offset(t: number): number {
    const h = Math.floor(t / HOUR)
    const before = offsetAtHour(this.name, h)
    if (t === h * HOUR) return before
    return offsetAtHour(this.name, h + 1) === before ? before : offsetMinutes(this.name, t)
  }

  wall(t: number): number {
    return t + this.offset(t) * MINUTE
  }

  /**
   * The first instant in (from, to] whose offset differs from offset(from), assuming there is one
   * (offset(to) !== offset(from)). Transitions fall on whole minutes in the tz database.
   */
  transitionBetween(from: number, to: number): number {
    const off = this.offset(from)
    let lo = from
    let hi = to
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2)
      if (this.offset(mid) === off) lo = mid
      else hi = mid
    }
    const aligned = Math.ceil(lo / MINUTE) * MINUTE
    if (aligned > lo && aligned <= hi && this.offset(aligned) !== off) return aligned
    return hi
  }

  /**
   * The earliest instant whose wall time is `w` or, when `w` falls in a spring-forward gap, the
   * first instant after the gap. In a fall-back overlap this is the first of the two (or the first
   * one later than `after`, for "the next start of a day" when a change crosses midnight).
   */
  fromWall(w: number, after = -Infinity): number {
    const a = w - this.offset(w - 14 * HOUR) * MINUTE
    const b = w - this.offset(w + 14 * HOUR) * MINUTE
    const aOk = a > after && this.wall(a) === w
    const bOk = b > after && this.wall(b) === w
    if (aOk && bOk) return Math.min(a, b)
    if (aOk) return a
    if (bOk) return b
    // A gap: the wall jumps over w at the transition between the two candidates.
    const lo = Math.min(a, b)
    const hi = Math.max(a, b)
    if (this.offset(lo) === this.offset(hi)) return hi
    return this.transitionBetween(lo, hi)
  }

  /** The first instant of the local calendar day containing t. */
  startOfDay(t: number): number {
    const w = this.wall(t)
    return this.fromWall(w - mod(w, DAY))
  }

  /** The first instant of the local Monday-to-Sunday week containing t. */
  startOfWeek(t: number): number {
    const w = this.wall(t)
    const day = w - mod(w, DAY)
    return this.fromWall(day - ((weekdayOfWall(day) + 6) % 7) * DAY)
  }

  /** The first instant of the local day after the one containing t. */
  startOfNextDay(t: number): number {
    const w = this.wall(t)
    return this.fromWall(w - mod(w, DAY) + DAY, t)
  }

  startOfNextWeek(t: number): number {
    const w = this.wall(t)
    const day = w - mod(w, DAY)
    return this.fromWall(day - ((weekdayOfWall(day) + 6) % 7) * DAY + 7 * DAY, t)
  }

  /**
   * t plus n business days (Monday to Friday, local), keeping the local time of day. A fraction
   * of a day is added as that share of 24 hours after the last whole business day.
   */
  addBusinessDays(t: number, n: number): number {
    const w = this.wall(t)
    let day = w - mod(w, DAY)
    const timeOfDay = mod(w, DAY)
    let whole = Math.floor(n)
    while (whole > 0) {
      day += DAY
      const dow = weekdayOfWall(day)
      if (dow !== 0 && dow !== 6) whole--
    }
    const base = this.fromWall(day + timeOfDay)
    return base + Math.round((n - Math.floor(n)) * DAY)
  }
}

export function mod(a: number, b: number): number {
  const r = a % b
  return r < 0 ? r + b : r
}

/** 0 = Sunday. 1970-01-01 was a Thursday. */
export function weekdayOfWall(w: number): number {
  return mod(Math.floor(w / DAY) + 4, 7)
}

/** Minutes since local midnight (may be fractional). */
export function minutesOfWall(w: number): number {
  return mod(w, DAY) / MINUTE
}
