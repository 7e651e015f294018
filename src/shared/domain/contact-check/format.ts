/**
 * Dates and times for messages, through Intl, in the person's zone and locale. Formatters are
 * cached across evaluations (creating one costs far more than using it); formatted strings are
 * memoised within one evaluation.
 */
import { DAY } from './zone'

export const DEFAULT_LOCALE = 'en-GB'

const formatters = new Map<string, Intl.DateTimeFormat>()
const hour12ByLocale = new Map<string, boolean>()
const validLocales = new Map<string, boolean>()

function safeLocale(locale: string): string {
  let ok = validLocales.get(locale)
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat(locale)
      ok = true
    } catch {
      ok = false
    }
    validLocales.set(locale, ok)
  }
  return ok ? locale : DEFAULT_LOCALE
}

function uses12Hours(locale: string): boolean {
  let h12 = hour12ByLocale.get(locale)
  if (h12 === undefined) {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle
    h12 = cycle === 'h12' || cycle === 'h11'
    hour12ByLocale.set(locale, h12)
  }
  return h12
}

type Style =
  | 'weekdayTime'
  | 'weekdayDateTime'
  | 'weekdayDateYearTime'
  | 'date'
  | 'dateYear'
  | 'time'
  | 'weekday'
  | 'year'

function formatter(locale: string, zone: string, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${style}`
  let f = formatters.get(key)
  if (!f) {
    const hour = uses12Hours(locale) ? 'numeric' : '2-digit'
    const time = { hour, minute: '2-digit' } as const
    const options: Record<Style, Intl.DateTimeFormatOptions> = {
      weekdayTime: { weekday: 'long', ...time },
      weekdayDateTime: { weekday: 'long', day: 'numeric', month: 'long', ...time },
      weekdayDateYearTime: {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        ...time,
      },
      date: { day: 'numeric', month: 'long' },
      dateYear: { day: 'numeric', month: 'long', year: 'numeric' },
      time,
      weekday: { weekday: 'long' },
      year: { year: 'numeric' },
    }
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options[style] })
    formatters.set(key, f)
  }
  return f
}

/**
 * Formatted strings per (locale, zone, style), shared across evaluations: the same agreement
 * dates, session times and window times come back on every keystroke. Bounded; cleared when full.
 */
const strings = new Map<string, Map<number, string>>()
const MAX_STRINGS = 2000

function stringsFor(locale: string, zone: string, style: Style): Map<number, string> {
  const key = `${locale}|${zone}|${style}`
  let m = strings.get(key)
  if (!m) {
    m = new Map()
    strings.set(key, m)
  }
  return m
}

/** Formats instants for one evaluation: person's zone, given locale, relative to `now`. */
export class DateWords {
  readonly locale: string
  private readonly nowYear: string
  private readonly tables = new Map<string, Map<number, string>>()

  constructor(
    locale: string,
    readonly zone: string,
    readonly now: number,
  ) {
    this.locale = safeLocale(locale)
    this.nowYear = this.cached('year', now)
  }

  private cached(style: Style, t: number, zone = this.zone): string {
    const tableKey = zone === this.zone ? style : `${style}|${zone}`
    let table = this.tables.get(tableKey)
    if (!table) {
      table = stringsFor(this.locale, zone, style)
      this.tables.set(tableKey, table)
    }
    let s = table.get(t)
    if (s === undefined) {
      s = formatter(this.locale, zone, style).format(t)
      if (table.size >= MAX_STRINGS) table.clear()
      table.set(t, s)
    }
    return s
  }

  private sameYear(t: number): boolean {
    return this.cached('year', t) === this.nowYear
  }

  /** "Tuesday 17:50" within six days of now; with the date further away; with the year if not this year. */
  when(t: number): string {
    if (Math.abs(t - this.now) < 6 * DAY) return this.cached('weekdayTime', t)
    return this.sameYear(t)
      ? this.cached('weekdayDateTime', t)
      : this.cached('weekdayDateYearTime', t)
  }

  /** "3 March" (with the year if not this year). */
  day(t: number): string {
    return this.sameYear(t) ? this.cached('date', t) : this.cached('dateYear', t)
  }

  /** A wall time as the therapist reads it, e.g. "Tuesday 20:15", in the given zone. */
  whenIn(t: number, zone: string): string {
    return this.cached('weekdayTime', t, zone)
  }

  /** "09:00" / "9:00 AM" for minutes after midnight (1440 reads as midnight). */
  timeOfDay(minutes: number): string {
    const m = minutes % (24 * 60)
    return this.cached('time', Date.UTC(2001, 0, 1, 0, m), 'UTC')
  }

  /** "Monday" for 0–6 (0 = Sunday). 2001-01-07 was a Sunday. */
  weekday(day: number): string {
    return this.cached('weekday', Date.UTC(2001, 0, 7 + day), 'UTC')
  }

  /** "Monday to Friday", "Monday, Wednesday and Friday", "every day". */
  days(days: readonly number[]): string {
    const set = [...new Set(days)].sort((a, b) => a - b)
    if (set.length === 7) return 'every day'
    // Runs over a Monday-first week, so Saturday–Sunday reads as one run.
    const order = [1, 2, 3, 4, 5, 6, 0].filter((d) => set.includes(d))
    const runs: number[][] = []
    for (const d of order) {
      const run = runs[runs.length - 1]
      const last = run?.[run.length - 1]
      if (run && last !== undefined && (last + 1) % 7 === d) run.push(d)
      else runs.push([d])
    }
    const parts = runs.map((run) => {
      const first = run[0] as number
      const last = run[run.length - 1] as number
      if (run.length >= 3) return `${this.weekday(first)} to ${this.weekday(last)}`
      return run.map((d) => this.weekday(d)).join(' and ')
    })
    return list(parts, 'and')
  }
}

/** "a, b and c" / "a, b or c". */
export function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length === 0) return ''
  if (items.length === 1) return items[0] as string
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}

/** "48 hours", "1 hour", "90 minutes", "2.5 hours". */
export function hoursWords(hours: number): string {
  if (hours < 1) {
    const minutes = Math.round(hours * 60)
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
  }
  const rounded = Math.round(hours * 100) / 100
  return `${rounded} ${rounded === 1 ? 'hour' : 'hours'}`
}

/** "2 days", "1 day", "1.5 days". */
export function daysWords(days: number): string {
  const rounded = Math.round(days * 100) / 100
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`
}

/** A readable place name for a zone: "Europe/London" -> "London". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone
  return last.replace(/_/g, ' ')
}
