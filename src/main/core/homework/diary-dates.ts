import { TZDate } from '@date-fns/tz'

const DAY = 86_400_000

/** "YYYY-MM-DD" `n` calendar days after `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d) + n * DAY).toISOString().slice(0, 10)
}

/** Is "YYYY-MM-DD" a real calendar date (not 2026-02-30)? */
export const isCalendarDay = (day: string): boolean => addDays(day, 0) === day

/** The instant a calendar day starts in a zone (the first instant that exists, across a clock change). */
export function startOfDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime()
}
