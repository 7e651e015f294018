/**
 * "Tuesday 3 March 2026 at 17:00" for every entry of an export, exactly as displayDateTime
 * (Intl) writes it, without asking Intl for each: the date's words depend only on the local day
 * and the time's only on the minute of the day, so each local day and each minute is formatted
 * once (by Intl, from an instant that has it) and the two are put together for the others.
 */
import { DAY_MS, zoneOffsets } from './zone-offsets'
import { displayDateTime, displayDateTimeFormat } from './zoned-time'

const MINUTE_MS = 60_000
/** Outside these years every instant goes to Intl (the offsets are learnt from en-US numeric dates). */
const EARLIEST = Date.UTC(1900, 0, 1)
const LATEST = Date.UTC(9999, 0, 1)
/** The parts a short time is made of; everything before and after them is the date's. */
const TIME_PARTS: ReadonlySet<string> = new Set(['hour', 'minute', 'dayPeriod'])
/** The parts that depend on the local day only. Anything else (a zone's name, seconds) turns the cache off. */
const DATE_PARTS: ReadonlySet<string> = new Set(['weekday', 'era', 'year', 'month', 'day', 'relatedYear', 'yearName', 'literal'])

interface DayWords {
  before: string
  after: string
}

type Shower = (ms: number) => string

function zoneShower(timeZone: string, locale: string): Shower {
  const format = displayDateTimeFormat(timeZone, locale)
  const offsetAt = zoneOffsets(timeZone)
  const days = new Map<number, DayWords>()
  const minutes: Array<string | undefined> = []
  let cacheable = true

  // The words are cut from format()'s own text, at the parts' lengths: formatToParts can differ
  // from it in a character (V8's format() writes U+202F, a narrow space, as an ordinary space).
  const learn = (ms: number, day: number, minute: number): string => {
    const text = format.format(ms)
    // A known day's words around a new minute, or a known minute's words (found once, so
    // nowhere else) inside a new day's text: no need to ask for the parts.
    const words = days.get(day)
    if (words !== undefined && text.startsWith(words.before) && text.endsWith(words.after)) {
      minutes[minute] = text.slice(words.before.length, text.length - words.after.length)
      return text
    }
    const time = minutes[minute]
    const at = time === undefined ? -1 : text.indexOf(time)
    if (time !== undefined && at >= 0 && text.indexOf(time, at + 1) < 0) {
      days.set(day, { before: text.slice(0, at), after: text.slice(at + time.length) })
      return text
    }
    const parts = format.formatToParts(ms)
    const first = parts.findIndex((part) => TIME_PARTS.has(part.type))
    const last = parts.findLastIndex((part) => TIME_PARTS.has(part.type))
    const lengthOf = (list: Intl.DateTimeFormatPart[]): number => list.reduce((sum, part) => sum + part.value.length, 0)
    const outside = [...parts.slice(0, first), ...parts.slice(last + 1)]
    const inside = parts.slice(first, last + 1)
    if (
      first < 0 ||
      lengthOf(parts) !== text.length ||
      !outside.every((part) => DATE_PARTS.has(part.type)) ||
      !inside.every((part) => TIME_PARTS.has(part.type) || part.type === 'literal')
    ) {
      cacheable = false
      return text
    }
    const timeStart = lengthOf(parts.slice(0, first))
    const timeEnd = timeStart + lengthOf(inside)
    days.set(day, { before: text.slice(0, timeStart), after: text.slice(timeEnd) })
    minutes[minute] = text.slice(timeStart, timeEnd)
    return text
  }

  return (ms) => {
    if (!cacheable) return format.format(ms)
    const local = ms + offsetAt(ms)
    const day = Math.floor(local / DAY_MS)
    const minute = Math.floor((local - day * DAY_MS) / MINUTE_MS)
    const words = days.get(day)
    const time = minutes[minute]
    return words !== undefined && time !== undefined ? words.before + time + words.after : learn(ms, day, minute)
  }
}

/**
 * A function that shows instants in a zone as displayDateTime does, in one locale, for one
 * export (its caches go with it). Instants outside years 1900–9999 go to Intl directly.
 */
export function displayDateTimes(locale: string): (ms: number, timeZone: string) => string {
  const showers = new Map<string, Shower>()
  return (ms, timeZone) => {
    if (!(ms >= EARLIEST && ms < LATEST)) return displayDateTime(ms, timeZone, locale)
    let show = showers.get(timeZone)
    if (show === undefined) {
      show = zoneShower(timeZone, locale)
      showers.set(timeZone, show)
    }
    return show(ms)
  }
}
