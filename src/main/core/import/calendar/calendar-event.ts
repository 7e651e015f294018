/**
 * One VEVENT block read into what Between needs: identity, times (as instants), repetition,
 * exceptions, texts, how it is held and whether it was called off. ical.js reads each block on
 * its own, so an unreadable event is skipped alone (CalendarEventError names its line).
 */
import { createHash } from 'node:crypto'
import ICAL from 'ical.js'
import type { ScannedBlock } from './ics-scan'
import { meetingMode, type ModeSources } from './meeting-mode'
import type { WallTime, Zone, ZoneResolver } from './zones'
import type { SessionFormat } from '../../../../shared/domain/vocabulary'

type IcalComponent = InstanceType<typeof ICAL.Component>
type IcalTime = InstanceType<typeof ICAL.Time>
type IcalProperty = InstanceType<typeof ICAL.Property>

export type EventProblem = 'unreadable_event' | 'no_start'

export class CalendarEventError extends Error {
  constructor(readonly problem: EventProblem) {
    super(problem)
  }
}

export interface CalendarEvent {
  line: number
  uid: string
  /** The file had no UID (OWA writes them so): one was made from start, summary and organizer. */
  uidDerived: boolean
  /** RECURRENCE-ID as an instant: this event replaces that occurrence of its series. */
  recurrenceId: number | null
  allDay: boolean
  start: WallTime
  zone: Zone
  zoneGuessed: boolean
  startsAt: number
  durationMs: number
  rrules: Array<InstanceType<typeof ICAL.Recur>>
  rdates: number[]
  /** EXDATE instants, to the minute. */
  exdates: Set<number>
  /**
   * Days an EXDATE names (YYYY-MM-DD): its DATE values, and for an all-day series also the day
   * written in a DATE-TIME value (Exchange writes EXDATE;TZID=...:20260105T000000 for them).
   */
  exdateDays: Set<string>
  title: string
  location: string
  description: string
  mode: SessionFormat
  cancelled: boolean
}

const DEFAULT_DURATION_MS = 50 * 60_000
const DAY_MS = 86_400_000

/** Minute precision: EXDATE and RECURRENCE-ID are matched against occurrences by this. */
export const minuteOf = (ms: number): number => Math.floor(ms / 60_000)

const wallOf = (time: IcalTime): WallTime => ({
  year: time.year,
  month: time.month,
  day: time.day,
  hour: time.isDate ? 0 : time.hour,
  minute: time.isDate ? 0 : time.minute,
  second: time.isDate ? 0 : time.second,
})

export const dayKey = (wall: WallTime): string =>
  `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`

const isUtc = (time: IcalTime): boolean => time.zone === ICAL.Timezone.utcTimezone || (time.zone as { tzid?: string } | undefined)?.tzid === 'UTC'

const text = (component: IcalComponent, name: string): string => {
  const value = component.getFirstPropertyValue(name)
  return typeof value === 'string' ? value.trim() : ''
}

const tzidOf = (property: IcalProperty): string | null => {
  const tzid = property.getParameter('tzid')
  return typeof tzid === 'string' ? tzid : null
}

/** The instants a DATE-TIME property names (EXDATE and RDATE may list several). */
function instantsOf(property: IcalProperty, zones: ZoneResolver, seriesZone: Zone): Array<{ ms: number; date: string | null; writtenDay: string }> {
  const out: Array<{ ms: number; date: string | null; writtenDay: string }> = []
  for (const value of property.getValues() as unknown[]) {
    if (!(value instanceof ICAL.Time)) continue
    const wall = wallOf(value)
    if (value.isDate) {
      out.push({ ms: zones.toInstant(wall, seriesZone), date: dayKey(wall), writtenDay: dayKey(wall) })
      continue
    }
    const tzid = tzidOf(property)
    const zone = tzid === null && !isUtc(value) ? seriesZone : zones.resolve(tzid, isUtc(value)).zone
    out.push({ ms: zones.toInstant(wall, zone), date: null, writtenDay: dayKey(wall) })
  }
  return out
}

const CANCELLED_TITLE = /^(canceled|cancelled|abgesagt|annulé|annule|cancelado|annullato|geannuleerd|odwołane|inställt|aflyst|avlyst)\s*:/i

function wasCalledOff(component: IcalComponent, method: string, title: string): boolean {
  if (text(component, 'status').toUpperCase() === 'CANCELLED' || method === 'CANCEL') return true
  const organizer = String(component.getFirstPropertyValue('organizer') ?? '').toLowerCase()
  const declined = component.getAllProperties('attendee').some((attendee) => {
    const partstat = String(attendee.getParameter('partstat') ?? '').toUpperCase()
    return partstat === 'DECLINED' && String(attendee.getFirstValue() ?? '').toLowerCase() !== organizer
  })
  if (declined) return true
  const free = text(component, 'x-microsoft-cdo-busystatus').toUpperCase() === 'FREE' || text(component, 'transp').toUpperCase() === 'TRANSPARENT'
  return free && CANCELLED_TITLE.test(title)
}

function modeSources(component: IcalComponent, title: string, location: string, description: string): ModeSources {
  const names = new Set<string>()
  const flags = new Map<string, string>()
  for (const property of component.getAllProperties()) {
    names.add(property.name)
    if (property.name.startsWith('x-microsoft-')) flags.set(property.name, String(property.getFirstValue() ?? '').trim().toUpperCase())
  }
  return {
    title,
    location,
    description,
    url: text(component, 'url'),
    conference: component.getAllProperties('conference').map((p) => String(p.getFirstValue() ?? '')),
    propertyNames: names,
    flags,
  }
}

function derivedUid(startsAt: number, title: string, component: IcalComponent): string {
  const organizer = String(component.getFirstPropertyValue('organizer') ?? '')
  const digest = createHash('sha256').update(`${new Date(startsAt).toISOString()}\n${title}\n${organizer}`).digest('hex')
  return `derived:${digest.slice(0, 32)}`
}

function durationMs(component: IcalComponent, startsAt: number, allDay: boolean, zones: ZoneResolver, zone: Zone): number {
  const end = component.getFirstProperty('dtend')
  const endTime = end?.getFirstValue()
  if (endTime instanceof ICAL.Time) {
    const endZone = endTime.isDate || (tzidOf(end as IcalProperty) === null && !isUtc(endTime)) ? zone : zones.resolve(tzidOf(end as IcalProperty), isUtc(endTime)).zone
    const ms = zones.toInstant(wallOf(endTime), endZone) - startsAt
    if (Number.isFinite(ms) && ms > 0) return ms
  }
  const duration = component.getFirstPropertyValue('duration')
  if (duration instanceof ICAL.Duration) {
    const ms = duration.toSeconds() * 1000
    if (ms > 0) return ms
  }
  return allDay ? DAY_MS : DEFAULT_DURATION_MS
}

function readEvent(block: ScannedBlock, zones: ZoneResolver, method: string): CalendarEvent {
  let component: IcalComponent
  try {
    component = new ICAL.Component(ICAL.parse(block.lines.join('\r\n')) as unknown as unknown[])
  } catch {
    throw new CalendarEventError('unreadable_event')
  }
  const startProperty = component.getFirstProperty('dtstart')
  const startValue = startProperty?.getFirstValue()
  if (!startProperty || !(startValue instanceof ICAL.Time)) throw new CalendarEventError('no_start')
  const allDay = startValue.isDate
  const resolved = allDay ? zones.resolve(null, false) : zones.resolve(tzidOf(startProperty), isUtc(startValue))
  const start = wallOf(startValue)
  const startsAt = zones.toInstant(start, resolved.zone)
  if (!Number.isFinite(startsAt)) throw new CalendarEventError('no_start')

  const title = text(component, 'summary')
  const location = text(component, 'location')
  const description = text(component, 'description')
  const uid = text(component, 'uid')

  const recurrenceProperty = component.getFirstProperty('recurrence-id')
  const recurrenceId = recurrenceProperty ? (instantsOf(recurrenceProperty, zones, resolved.zone)[0]?.ms ?? null) : null

  const exdates = new Set<number>()
  const exdateDays = new Set<string>()
  for (const property of component.getAllProperties('exdate')) {
    for (const { ms, date, writtenDay } of instantsOf(property, zones, resolved.zone)) {
      if (date !== null) exdateDays.add(date)
      else exdates.add(minuteOf(ms))
      if (allDay) exdateDays.add(writtenDay)
    }
  }
  const rdates = component.getAllProperties('rdate').flatMap((property) => instantsOf(property, zones, resolved.zone).map(({ ms }) => ms))
  const rrules = component
    .getAllProperties('rrule')
    .map((property) => property.getFirstValue())
    .filter((value): value is InstanceType<typeof ICAL.Recur> => value instanceof ICAL.Recur)

  return {
    line: block.line,
    uid: uid !== '' ? uid : derivedUid(startsAt, title, component),
    uidDerived: uid === '',
    recurrenceId: recurrenceId !== null && Number.isFinite(recurrenceId) ? recurrenceId : null,
    allDay,
    start,
    zone: resolved.zone,
    zoneGuessed: resolved.guessed,
    startsAt,
    durationMs: durationMs(component, startsAt, allDay, zones, resolved.zone),
    rrules,
    rdates: rdates.filter(Number.isFinite),
    exdates,
    exdateDays,
    title,
    location,
    description,
    mode: meetingMode(modeSources(component, title, location, description)),
    cancelled: wasCalledOff(component, method, title),
  }
}

/** Reads the block, turning anything ical.js throws into CalendarEventError. */
export function readCalendarEvent(block: ScannedBlock, zones: ZoneResolver, method: string): CalendarEvent {
  try {
    return readEvent(block, zones, method)
  } catch (error) {
    if (error instanceof CalendarEventError) throw error
    throw new CalendarEventError('unreadable_event')
  }
}
