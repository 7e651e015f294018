/**
 * Calendar (.ics) files -> session appointments, pure. Therapists' portals send invitations
 * with VEVENTs, often a weekly series (RRULE) with moved or cancelled occurrences
 * (RECURRENCE-ID overrides, EXDATE). ical.js expands the series within a bounded horizon.
 *
 * Each occurrence gets a stable key for de-duplication on re-import: the UID alone for a single
 * event, UID + "#" + the occurrence's original start (UTC, ISO) for one occurrence of a series,
 * which is also what a standalone RECURRENCE-ID invitation for that occurrence produces.
 *
 * Times: a TZID that is an IANA zone is converted with the runtime's tz database (not the file's
 * VTIMEZONE, which is often truncated); a non-IANA TZID (e.g. Windows names) with a VTIMEZONE
 * uses that definition; UTC times stay UTC; floating times are read in the person's zone.
 */
import { TZDate } from '@date-fns/tz'
import ICAL from 'ical.js'
import { isInstantInRange } from '../../../shared/domain/time/instant-range'
import { ImportError, OUT_OF_RANGE } from './import-error'

export interface CalendarOptions {
  /** Epoch ms: occurrences are expanded up to now + horizonDays. */
  now: number
  horizonDays: number
  /** The person's zone: for floating and UTC times. */
  defaultZone: string
  /** Most occurrences taken from one series. */
  maxPerSeries?: number
}

export interface CalendarOccurrence {
  key: string
  startsAt: number
  durationMinutes: number
  timeZone: string
  cancelled: boolean
  /** A guess from LOCATION / URL / CONFERENCE: 'video' when it looks like a meeting link. */
  format: 'in_person' | 'video' | 'phone'
}

export interface ParsedCalendar {
  occurrences: CalendarOccurrence[]
  /** Events that are not appointments (all-day), or had no start. */
  skipped: number
}

export const DEFAULT_HORIZON_DAYS = 365
const DEFAULT_MAX_PER_SERIES = 1000
const DEFAULT_DURATION_MINUTES = 50

const isIanaZone = (zone: string): boolean => {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) && zone !== 'UTC') return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

interface LineCheck {
  /** Line number of each BEGIN:VEVENT, in order. */
  eventLines: number[]
}

/** Structure check with line numbers, before ical.js (whose errors quote the file). */
export function checkCalendarLines(text: string): LineCheck {
  const lines = text.split(/\r\n|\n|\r/)
  const stack: Array<{ name: string; line: number }> = []
  const eventLines: number[] = []
  let sawCalendar = false
  let logicalStart = 0
  let logical = ''
  const flush = (lineNo: number, content: string): void => {
    if (content === '') return
    if (!/^[A-Za-z0-9-]+[;:]/.test(content) || !content.includes(':')) {
      if (!sawCalendar) throw new ImportError('not_calendar')
      throw new ImportError('broken_calendar', `line ${lineNo}`, 'not a "NAME:value" line')
    }
    const upper = content.toUpperCase()
    if (upper.startsWith('BEGIN:')) {
      const name = upper.slice(6).trim()
      if (!sawCalendar) {
        if (name !== 'VCALENDAR') throw new ImportError('not_calendar')
        sawCalendar = true
      }
      if (name === 'VEVENT') eventLines.push(lineNo)
      stack.push({ name, line: lineNo })
    } else if (upper.startsWith('END:')) {
      const name = upper.slice(4).trim()
      const open = stack.pop()
      if (!open || open.name !== name) throw new ImportError('broken_calendar', `line ${lineNo}`, `END:${name.slice(0, 20)} does not close the open block`)
    } else if (!sawCalendar) {
      throw new ImportError('not_calendar')
    } else if (stack.length === 0) {
      throw new ImportError('broken_calendar', `line ${lineNo}`, 'a line after the calendar ended')
    }
  }
  lines.forEach((line, index) => {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical === '') throw new ImportError(sawCalendar ? 'broken_calendar' : 'not_calendar', `line ${index + 1}`, 'a continuation line with nothing to continue')
      logical += line.slice(1)
      return
    }
    flush(logicalStart, logical.trim() === '' ? '' : logical)
    logical = line
    logicalStart = index + 1
  })
  flush(logicalStart, logical.trim() === '' ? '' : logical)
  if (!sawCalendar) throw new ImportError('not_calendar')
  const unclosed = stack.pop()
  if (unclosed) throw new ImportError('broken_calendar', `line ${unclosed.line}`, `BEGIN:${unclosed.name.slice(0, 20)} is never closed`)
  return { eventLines }
}

type IcalTime = InstanceType<typeof ICAL.Time>
type IcalComponent = InstanceType<typeof ICAL.Component>

/** The instant of an ICAL.Time, and the zone the session should be shown in. */
function instantOf(time: IcalTime, tzid: string | null, defaultZone: string): { ms: number; zone: string } {
  const wallClock = (zone: string) =>
    new TZDate(time.year, time.month - 1, time.day, time.hour, time.minute, time.second, zone).getTime()
  const zone = time.zone as { tzid?: string } | undefined
  if (zone?.tzid === 'UTC') return { ms: time.toUnixTime() * 1000, zone: defaultZone }
  if (tzid !== null && isIanaZone(tzid)) return { ms: wallClock(tzid), zone: tzid }
  if (zone && zone.tzid !== 'floating' && zone.tzid !== undefined && zone !== ICAL.Timezone.localTimezone) {
    return { ms: time.toUnixTime() * 1000, zone: defaultZone }
  }
  return { ms: wallClock(defaultZone), zone: defaultZone }
}

const tzidOf = (component: IcalComponent, property: string): string | null => {
  const tzid = component.getFirstProperty(property)?.getParameter('tzid')
  return typeof tzid === 'string' ? tzid : null
}

const textOf = (component: IcalComponent, name: string): string => {
  const value = component.getFirstPropertyValue(name)
  return typeof value === 'string' ? value : ''
}

function guessFormat(component: IcalComponent): CalendarOccurrence['format'] {
  const where = `${textOf(component, 'location')} ${textOf(component, 'url')} ${textOf(component, 'conference')}`.toLowerCase()
  if (/https?:\/\/|zoom|teams|meet\.|video|doxy|telehealth/.test(where)) return 'video'
  if (/\btel:|\bphone\b|\bcall\b/.test(where)) return 'phone'
  return 'in_person'
}

const clampMinutes = (minutes: number): number =>
  !Number.isFinite(minutes) || minutes <= 0 ? DEFAULT_DURATION_MINUTES : Math.min(600, Math.max(5, Math.round(minutes)))

export function parseCalendar(text: string, options: CalendarOptions): ParsedCalendar {
  const { eventLines } = checkCalendarLines(text)
  let root: IcalComponent
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown as unknown[])
  } catch {
    throw new ImportError('broken_calendar')
  }
  if (root.name !== 'vcalendar') throw new ImportError('not_calendar')
  const method = String(root.getFirstPropertyValue('method') ?? '').toUpperCase()
  const horizonEnd = options.now + options.horizonDays * 86_400_000
  const maxPerSeries = options.maxPerSeries ?? DEFAULT_MAX_PER_SERIES

  const vevents = root.getAllSubcomponents('vevent')
  const lineOf = (index: number): string => `line ${eventLines[index] ?? 0}`
  const occurrences = new Map<string, CalendarOccurrence>()
  let skipped = 0

  // Group by UID: a master (no RECURRENCE-ID) and its overrides.
  const byUid = new Map<string, { master?: { component: IcalComponent; index: number }; overrides: Array<{ component: IcalComponent; index: number }> }>()
  vevents.forEach((component, index) => {
    const uid = textOf(component, 'uid').trim()
    if (uid === '') throw new ImportError('broken_calendar', lineOf(index), 'an event without a UID')
    const group = byUid.get(uid) ?? { overrides: [] }
    if (component.hasProperty('recurrence-id')) group.overrides.push({ component, index })
    else group.master = { component, index }
    byUid.set(uid, group)
  })

  const add = (occurrence: CalendarOccurrence) => occurrences.set(occurrence.key, occurrence)

  for (const [uid, group] of byUid) {
    const describe = (component: IcalComponent, index: number, start: IcalTime, end: IcalTime | null, key: string, seriesCancelled: boolean) => {
      const tzid = tzidOf(component, 'dtstart')
      const { ms, zone } = instantOf(start, tzid, options.defaultZone)
      const endMs = end ? instantOf(end, tzidOf(component, 'dtend') ?? tzid, options.defaultZone).ms : Number.NaN
      if (!Number.isFinite(ms)) throw new ImportError('broken_calendar', lineOf(index), 'a start time that cannot be read')
      if (!isInstantInRange(ms)) throw new ImportError('invalid_field', lineOf(index), OUT_OF_RANGE)
      const status = textOf(component, 'status').toUpperCase()
      return {
        key,
        startsAt: ms,
        durationMinutes: clampMinutes((endMs - ms) / 60_000),
        timeZone: zone,
        cancelled: seriesCancelled || status === 'CANCELLED' || method === 'CANCEL',
        format: guessFormat(component),
      }
    }

    try {
      if (group.master) {
        const { component, index } = group.master
        const event = new ICAL.Event(component)
        if (!component.hasProperty('dtstart') || event.startDate.isDate) {
          skipped++
          continue
        }
        const seriesCancelled = textOf(component, 'status').toUpperCase() === 'CANCELLED'
        if (!event.isRecurring()) {
          add(describe(component, index, event.startDate, event.endDate, uid, false))
        } else {
          for (const override of group.overrides) event.relateException(override.component)
          const iterator = event.iterator()
          let count = 0
          for (let next = iterator.next(); next && count < maxPerSeries; next = iterator.next()) {
            const details = event.getOccurrenceDetails(next)
            const recurrenceMs = instantOf(details.recurrenceId, tzidOf(component, 'dtstart'), options.defaultZone).ms
            if (recurrenceMs > horizonEnd) break
            const item = details.item.component
            const itemIndex = item === component ? index : (group.overrides.find((o) => o.component === item)?.index ?? index)
            add(describe(item, itemIndex, details.startDate, details.endDate, `${uid}#${new Date(recurrenceMs).toISOString()}`, seriesCancelled))
            count++
          }
          continue
        }
        // A single event may still have overrides in broken files; they are handled below.
      }
      for (const { component, index } of group.overrides) {
        if (group.master && new ICAL.Event(group.master.component).isRecurring()) continue
        const event = new ICAL.Event(component)
        if (event.startDate.isDate) {
          skipped++
          continue
        }
        const rid = instantOf(event.recurrenceId, tzidOf(component, 'recurrence-id'), options.defaultZone).ms
        if (rid > horizonEnd) continue
        add(describe(component, index, event.startDate, event.endDate, `${uid}#${new Date(rid).toISOString()}`, false))
      }
    } catch (error) {
      if (error instanceof ImportError) throw error
      const index = group.master?.index ?? group.overrides[0]?.index ?? 0
      throw new ImportError('broken_calendar', lineOf(index), 'an event that cannot be read')
    }
  }
  return { occurrences: [...occurrences.values()].sort((a, b) => a.startsAt - b.startsAt || (a.key < b.key ? -1 : 1)), skipped }
}
