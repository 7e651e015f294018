/** Calendar arithmetic for the diary card's weeks (plain "YYYY-MM-DD" days, Monday first). */
const DAY = 86_400_000

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`)
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export const addDays = (day: string, n: number): string => fromUtc(toUtc(day) + n * DAY)

/** The Monday on or before a day. */
export const mondayOf = (day: string): string => addDays(day, -((new Date(toUtc(day)).getUTCDay() + 6) % 7))

/** Today in the person's zone, as "YYYY-MM-DD". */
export const today = (now = Date.now()): string => {
  const d = new Date(now)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export const weekDays = (weekStart: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(weekStart, i))

export const dayLabel = (day: string, style: 'short' | 'long' = 'short'): string =>
  new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: style, day: 'numeric', ...(style === 'long' ? { month: 'long' } : {}) }).format(toUtc(day))
