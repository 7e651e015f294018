/** Instants shown in a zone, with Intl only (no locale data beyond what Node ships). */

export interface ZonedParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
  /** "+01:00", "-05:30", "+00:00". */
  offset: string
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  let format = partsFormatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
    partsFormatters.set(timeZone, format)
  }
  const parts: Record<string, string> = {}
  for (const part of format.formatToParts(ms)) parts[part.type] = part.value
  const name = parts.timeZoneName ?? 'GMT'
  const offset = name === 'GMT' ? '+00:00' : name.replace('GMT', '')
  return {
    year: (parts.year ?? '').padStart(4, '0'),
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
    offset,
  }
}

/** "2026-03-03T17:00:00+01:00": ISO 8601 with the zone's offset at that instant. */
export function isoInZone(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone)
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.offset}`
}

/** "2026-03-03" in the zone. */
export function dayInZone(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone)
  return `${p.year}-${p.month}-${p.day}`
}

/** "0905" in the zone: for file names. */
export function hourMinuteInZone(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone)
  return `${p.hour}${p.minute}`
}

/** A locale the runtime supports, else en-GB. */
export function supportedLocale(locale: string | undefined): string {
  if (!locale) return 'en-GB'
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? 'en-GB'
  } catch {
    return 'en-GB'
  }
}

/**
 * One formatter per locale, zone and style, made once: an export formats every entry, and a
 * new Intl.DateTimeFormat each time (ICU objects whose memory V8 does not see) made a
 * 10,000-entry Markdown export take seconds and hundreds of MB.
 */
const displayFormatters = new Map<string, Intl.DateTimeFormat>()
function displayFormatter(locale: string, timeZone: string, style: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const key = `${locale}\u0000${timeZone}\u0000${style}`
  let format = displayFormatters.get(key)
  if (!format) {
    const options: Intl.DateTimeFormatOptions = style === 'dateTime' ? { timeZone, dateStyle: 'full', timeStyle: 'short' } : { timeZone, dateStyle: 'long' }
    format = new Intl.DateTimeFormat(supportedLocale(locale), options)
    displayFormatters.set(key, format)
  }
  return format
}

/** The formatter displayDateTime uses (full date, short time). */
export const displayDateTimeFormat = (timeZone: string, locale: string): Intl.DateTimeFormat => displayFormatter(locale, timeZone, 'dateTime')

/** "Tuesday 3 March 2026, 17:00" in the person's locale and zone. */
export function displayDateTime(ms: number, timeZone: string, locale: string): string {
  return displayDateTimeFormat(timeZone, locale).format(ms)
}

export function displayDate(ms: number, timeZone: string, locale: string): string {
  return displayFormatter(locale, timeZone, 'date').format(ms)
}
