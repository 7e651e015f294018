/**
 * A series expanded into occurrences inside the import window, anchored on the import date:
 * a standing weekly session that began years ago yields the weeks the person asked for and the
 * coming ones, not a thousand from its first year. The rule is walked in the series' own wall
 * clock (so 14:00 stays 14:00 across daylight saving), each occurrence is turned into an
 * instant there, and EXDATE and RECURRENCE-ID are matched by instant (to the minute), so a UTC
 * EXDATE finds its occurrence whatever zone the series is written in.
 */
import ICAL from 'ical.js'
import { inImportRange } from '../date-range'
import { dayKey, minuteOf, type CalendarEvent } from './calendar-event'
import type { WallTime, ZoneResolver } from './zones'

export interface ImportWindow {
  from: number
  to: number
}

export type OccurrenceSkip = 'before_window' | 'after_window' | 'outside_date_range' | 'too_many_repeats'

export interface Occurrence {
  key: string
  event: CalendarEvent
  startsAt: number
  /** Taken out of the series by EXDATE. */
  excluded: boolean
}

export interface Expansion {
  occurrences: Occurrence[]
  skips: Array<{ line: number; reason: OccurrenceSkip; count: number }>
}

/** More repetitions than this in one series are not walked (a FREQ=MINUTELY rule, say). */
const MAX_STEPS_PER_SERIES = 200_000

const occurrenceKey = (uid: string, instant: number): string => `${uid}#${new Date(instant).toISOString()}`

interface Start {
  ms: number
  wall: WallTime | null
}

function seriesStarts(master: CalendarEvent, window: ImportWindow, zones: ZoneResolver): { starts: Start[]; truncated: boolean } {
  const starts: Start[] = [{ ms: master.startsAt, wall: master.start }]
  let truncated = false
  for (const rule of master.rrules) {
    const recur = rule.clone()
    let until = Number.POSITIVE_INFINITY
    if (recur.until) {
      const untilTime = recur.until
      const utc = untilTime.zone === ICAL.Timezone.utcTimezone
      const wall = { year: untilTime.year, month: untilTime.month, day: untilTime.day, hour: untilTime.isDate ? 23 : untilTime.hour, minute: untilTime.isDate ? 59 : untilTime.minute, second: untilTime.isDate ? 59 : untilTime.second }
      until = zones.toInstant(wall, utc ? { kind: 'utc' } : master.zone)
      recur.until = null
    }
    const iterator = recur.iterator(ICAL.Time.fromData({ ...master.start, isDate: master.allDay }))
    for (let steps = 0; ; steps++) {
      if (steps >= MAX_STEPS_PER_SERIES) {
        truncated = true
        break
      }
      const next = iterator.next()
      if (!next) break
      const wall = { year: next.year, month: next.month, day: next.day, hour: next.hour, minute: next.minute, second: next.second }
      const ms = zones.toInstant(wall, master.zone)
      if (!Number.isFinite(ms) || ms > until || ms > window.to) break
      starts.push({ ms, wall })
    }
  }
  for (const ms of master.rdates) starts.push({ ms, wall: null })
  const seen = new Set<number>()
  return {
    starts: starts.filter(({ ms }) => !seen.has(minuteOf(ms)) && Boolean(seen.add(minuteOf(ms)))).sort((a, b) => a.ms - b.ms),
    truncated,
  }
}

function placeInWindow(startsAt: number, window: ImportWindow): OccurrenceSkip | null {
  if (!inImportRange(startsAt)) return 'outside_date_range'
  if (startsAt < window.from) return 'before_window'
  if (startsAt > window.to) return 'after_window'
  return null
}

/** An override that leaves out the title, place or text (many do) keeps the series' ones. */
const inheritFromSeries = (override: CalendarEvent, master: CalendarEvent): CalendarEvent => ({
  ...override,
  title: override.title || master.title,
  location: override.location || master.location,
  description: override.description || master.description,
  mode: override.location === '' && override.mode === 'in_person' ? master.mode : override.mode,
})

/** One UID's events: a master (maybe repeating) and the occurrences it overrides. */
export function expandEvent(master: CalendarEvent | null, overrides: CalendarEvent[], window: ImportWindow, zones: ZoneResolver): Expansion {
  const occurrences: Occurrence[] = []
  const skipCounts = new Map<string, { line: number; reason: OccurrenceSkip; count: number }>()
  const skip = (line: number, reason: OccurrenceSkip) => {
    const id = `${line}:${reason}`
    const entry = skipCounts.get(id) ?? { line, reason, count: 0 }
    entry.count++
    skipCounts.set(id, entry)
  }
  const take = (key: string, event: CalendarEvent, excluded: boolean) => {
    const outside = placeInWindow(event.startsAt, window)
    if (outside) skip(event.line, outside)
    else occurrences.push({ key, event, startsAt: event.startsAt, excluded })
  }

  const pending = new Map<number, CalendarEvent>()
  for (const override of overrides) if (override.recurrenceId !== null) pending.set(minuteOf(override.recurrenceId), override)

  if (master && (master.rrules.length > 0 || master.rdates.length > 0)) {
    const { starts, truncated } = seriesStarts(master, window, zones)
    if (truncated) skip(master.line, 'too_many_repeats')
    for (const { ms, wall } of starts) {
      const key = occurrenceKey(master.uid, ms)
      const override = pending.get(minuteOf(ms))
      const excluded = master.exdates.has(minuteOf(ms)) || (wall !== null && master.exdateDays.has(dayKey(wall)))
      if (override) {
        pending.delete(minuteOf(ms))
        take(key, inheritFromSeries(override, master), excluded && override.cancelled)
        continue
      }
      const occurrence: CalendarEvent = { ...master, startsAt: ms, start: wall ?? master.start }
      take(key, occurrence, excluded)
    }
  } else if (master) {
    take(master.uid, master, false)
  }
  // Overrides of occurrences the rule did not produce (moved in from outside the window, or
  // sent alone as an invitation for one occurrence) stand on their own.
  for (const [, override] of pending) take(occurrenceKey(override.uid, override.recurrenceId ?? override.startsAt), override, false)
  return { occurrences, skips: [...skipCounts.values()] }
}
