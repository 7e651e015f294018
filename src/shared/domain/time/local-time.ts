/**
 * Local (wall-clock) date and time in an IANA zone, with @date-fns/tz's tzOffset (Intl
 * underneath). Used by the core to repeat a session at the same local time every week, and by
 * the renderer to turn a date and time typed in a form into an instant.
 */
import { tzOffset } from '@date-fns/tz'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const offsetMs = (zone: string, t: number): number => tzOffset(zone, new Date(t)) * MINUTE

/**
 * The instant whose wall-clock reading in `zone` is `wall` (a wall time written as if it were
 * UTC). In a spring-forward gap the later offset wins (02:30 becomes 03:30); in a fall-back
 * overlap the first of the two instants is chosen.
 */
export function instantFromWall(wall: number, zone: string): number {
  const before = offsetMs(zone, wall - 14 * 60 * MINUTE)
  const after = offsetMs(zone, wall + 14 * 60 * MINUTE)
  const valid = [wall - before, wall - after].filter((c) => c + offsetMs(zone, c) === wall)
  if (valid.length > 0) return Math.min(...valid)
  return wall - before
}

/** The wall-clock reading of `t` in `zone`, as milliseconds read as if UTC. */
export function wallOf(t: number, zone: string): number {
  return t + offsetMs(zone, t)
}

/** The same local time `days` calendar days later (DST-aware: 17:00 stays 17:00). */
export function addLocalDays(t: number, days: number, zone: string): number {
  return instantFromWall(wallOf(t, zone) + days * DAY, zone)
}

/** "2026-03-10" and "17:30" in `zone` → epoch ms; null when either part is malformed. */
export function instantFromLocalParts(date: string, time: string, zone: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const h = /^(\d{2}):(\d{2})$/.exec(time)
  if (!d || !h) return null
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], h[1], h[2]].map(Number) as [number, number, number, number, number]
  if (hour > 23 || minute > 59) return null
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  // Refuse dates that roll over (31 April, month 13).
  if (new Date(wall).toISOString().slice(0, 10) !== date) return null
  return instantFromWall(wall, zone)
}

/** epoch ms → { date: "2026-03-10", time: "17:30" } in `zone` (for date and time inputs). */
export function localParts(t: number, zone: string): { date: string; time: string } {
  const iso = new Date(wallOf(t, zone)).toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}

/** Start of the local day containing `t` in `zone`. */
export function startOfLocalDay(t: number, zone: string): number {
  const wall = wallOf(t, zone)
  return instantFromWall(wall - (((wall % DAY) + DAY) % DAY), zone)
}
