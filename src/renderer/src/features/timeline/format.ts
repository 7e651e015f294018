/** Dates, times and durations through Intl, in the person's locale and zone. */

const cache = new Map<string, Intl.DateTimeFormat>()
function dtf(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options)
  let format = cache.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, options)
    cache.set(key, format)
  }
  return format
}

const sameYear = (a: number, b: number) => new Date(a).getFullYear() === new Date(b).getFullYear()

/** "Tue 4 Nov" (with the year when it is not this year). */
export function formatDay(at: number, now = Date.now(), timeZone?: string): string {
  return dtf({ weekday: 'short', day: 'numeric', month: 'short', ...(sameYear(at, now) ? {} : { year: 'numeric' }), ...(timeZone ? { timeZone } : {}) }).format(at)
}

/** "Tuesday 4 November 2025". */
export function formatLongDay(at: number, timeZone?: string): string {
  return dtf({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(at)
}

/** "17:00" or "5:00 PM", as the locale writes times. */
export function formatTime(at: number, timeZone?: string): string {
  return dtf({ timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(at)
}

/** "4 Nov 2025, 17:00". */
export function formatDateTime(at: number, timeZone?: string): string {
  return dtf({ dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(at)
}

/** "Nov 2025" or "4 Nov" for chart axes and tables. */
export function formatShortDate(at: number, withYear: boolean): string {
  return dtf(withYear ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }).format(at)
}

const DAY = 86_400_000
let relative: Intl.RelativeTimeFormat | null = null

const startOfDay = (t: number) => {
  const d = new Date(t)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

/** "today", "tomorrow", "in 3 days", "5 days ago", "3 weeks ago", by calendar days. */
export function formatRelativeDay(at: number, now = Date.now()): string {
  relative ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
  const days = Math.round((startOfDay(at) - startOfDay(now)) / DAY)
  if (Math.abs(days) < 14) return relative.format(days, 'day')
  if (Math.abs(days) < 60) return relative.format(Math.round(days / 7), 'week')
  if (Math.abs(days) < 730) return relative.format(Math.round(days / 30.44), 'month')
  return relative.format(Math.round(days / 365.25), 'year')
}

/** The person's IANA zone. */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone
