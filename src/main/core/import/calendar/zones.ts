/**
 * Which zone a calendar time is in, and the instant it names. In order: a UTC time ("Z"); a
 * TZID that is an IANA name, also inside the prefixed forms Thunderbird and Evolution write
 * ("/mozilla.org/20050126_1/Europe/Berlin"); a Windows name (Exchange, Outlook) through CLDR's
 * table; the file's own VTIMEZONE for anything else (ical.js computes it); and for a floating
 * time the calendar's X-WR-TIMEZONE, else the person's zone.
 */
import { TZDate } from '@date-fns/tz'
import ICAL from 'ical.js'
import type { ScannedBlock } from './ics-scan'
import { ianaForWindowsZone } from './windows-zones'

export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

export type Zone =
  | { kind: 'utc' }
  | { kind: 'iana'; name: string }
  | { kind: 'vtimezone'; timezone: InstanceType<typeof ICAL.Timezone> }

export interface ResolvedZone {
  zone: Zone
  /** The TZID was not understood and there was no VTIMEZONE for it: the person's zone was used. */
  guessed: boolean
}

export const isIanaZone = (name: string): boolean => {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** An IANA zone named by a TZID, directly, as the tail of a prefixed TZID, or as a Windows name. */
export function ianaFromTzid(tzid: string): string | null {
  const clean = tzid.trim().replace(/^"(.*)"$/, '$1').trim()
  if (isIanaZone(clean)) return clean
  const parts = clean.split('/').filter((part) => part !== '')
  for (let n = Math.min(3, parts.length); n >= 2; n--) {
    const tail = parts.slice(-n).join('/')
    if (isIanaZone(tail)) return tail
  }
  return ianaForWindowsZone(clean)
}

function vtimezonesById(blocks: ScannedBlock[]): Map<string, Zone> {
  const zones = new Map<string, Zone>()
  for (const block of blocks) {
    try {
      const component = new ICAL.Component(ICAL.parse(block.lines.join('\r\n')) as unknown as unknown[])
      const tzid = String(component.getFirstPropertyValue('tzid') ?? '').trim()
      if (tzid === '' || zones.has(tzid)) continue
      const location = String(component.getFirstPropertyValue('x-lic-location') ?? '').trim()
      if (isIanaZone(location)) zones.set(tzid, { kind: 'iana', name: location })
      else zones.set(tzid, { kind: 'vtimezone', timezone: new ICAL.Timezone(component) })
    } catch {
      // An unreadable VTIMEZONE: times that name it fall back like an unknown TZID.
    }
  }
  return zones
}

export interface ZoneResolver {
  resolve(tzid: string | null, isUtc: boolean): ResolvedZone
  toInstant(wall: WallTime, zone: Zone): number
  /** The IANA zone a session is shown in. */
  displayName(zone: Zone): string
}

export function createZoneResolver(timezones: ScannedBlock[], calendarZone: string | null, personZone: string): ZoneResolver {
  const own = vtimezonesById(timezones)
  const floating: Zone = { kind: 'iana', name: calendarZone !== null && isIanaZone(calendarZone) ? calendarZone : personZone }
  return {
    resolve(tzid, isUtc) {
      if (isUtc) return { zone: { kind: 'utc' }, guessed: false }
      if (tzid === null || tzid.trim() === '') return { zone: floating, guessed: false }
      const iana = ianaFromTzid(tzid)
      if (iana !== null) return { zone: { kind: 'iana', name: iana }, guessed: false }
      const defined = own.get(tzid.trim().replace(/^"(.*)"$/, '$1'))
      if (defined) return { zone: defined, guessed: false }
      return { zone: { kind: 'iana', name: personZone }, guessed: true }
    },
    toInstant(wall, zone) {
      switch (zone.kind) {
        case 'utc':
          return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
        case 'iana':
          return new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, zone.name).getTime()
        case 'vtimezone':
          return ICAL.Time.fromData({ ...wall, isDate: false }, zone.timezone).toUnixTime() * 1000
      }
    },
    displayName(zone) {
      return zone.kind === 'iana' ? zone.name : personZone
    },
  }
}
