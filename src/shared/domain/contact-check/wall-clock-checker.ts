/**
 * For the contact check's tests: an independent answer to "is this instant inside these weekly
 * windows, in this zone?", read from Intl's own wall time minute by minute (none of the engine's
 * zone code), and the clock changes worth testing around. Not used by the app.
 */
import type { WeeklyWindow } from '../rules/rule-kinds'

export const TRANSITIONS: Record<string, number[]> = {
  'America/New_York': [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)],
  'Europe/London': [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)],
  // Santiago changes at midnight: 24:00 -> 23:00 in April, 24:00 -> 01:00 in September.
  'America/Santiago': [Date.UTC(2026, 3, 5, 3), Date.UTC(2026, 8, 6, 4)],
  'Australia/Lord_Howe': [Date.UTC(2026, 3, 4, 15), Date.UTC(2026, 9, 3, 15, 30)],
}

const partsFormat = new Map<string, Intl.DateTimeFormat>()
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3))

/** Weekday and minute of the day at `t` in `zone`, by Intl. */
function wall(zone: string, t: number): { day: number; minutes: number } {
  let f = partsFormat.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    partsFormat.set(zone, f)
  }
  const parts = Object.fromEntries(f.formatToParts(t).map((p) => [p.type, p.value]))
  return { day: DAYS.indexOf(parts.weekday as string), minutes: Number(parts.hour) * 60 + Number(parts.minute) }
}

/** A window whose end is earlier than its start runs past midnight into the next day. */
export function inWindows(zone: string, t: number, windows: readonly WeeklyWindow[]): boolean {
  const { day, minutes } = wall(zone, t)
  const yesterday = (day + 6) % 7
  return windows.some((w) => {
    const start = toMin(w.start)
    const end = toMin(w.end)
    if (start < end) return w.days.includes(day) && start <= minutes && minutes < end
    return (w.days.includes(day) && minutes >= start) || (w.days.includes(yesterday) && minutes < end)
  })
}
