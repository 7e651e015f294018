import { zoneCity } from '../../../../shared/domain/contact-check/format'

const personZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/** "on Thursday at 09:00" style, in the person's zone and locale. */
export function whenText(ms: number, now: number): string {
  const days = (ms - now) / 86_400_000
  const options: Intl.DateTimeFormatOptions =
    days < 6
      ? { weekday: 'long', hour: '2-digit', minute: '2-digit' }
      : { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }
  return `on ${new Intl.DateTimeFormat(undefined, options).format(ms)}`
}

/** The same instant as a wall time in another zone, e.g. "10:00" (with the weekday when it differs). */
function wallTime(ms: number, zone: string, withDay: boolean): string {
  const options: Intl.DateTimeFormatOptions = withDay
    ? { weekday: 'long', hour: '2-digit', minute: '2-digit' }
    : { hour: '2-digit', minute: '2-digit' }
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone }).format(ms)
}

/**
 * For a time in the person's zone: the therapist's wall time where it differs ("That is 10:00 in
 * Berlin."), or null when both read the same clock.
 */
export function therapistTimeNote(
  ms: number,
  therapistZone: string,
  note: (time: string, city: string) => string,
): string | null {
  const mine = personZone()
  let theirs: string
  try {
    theirs = wallTime(ms, therapistZone, false)
  } catch {
    return null
  }
  if (theirs === wallTime(ms, mine, false)) return null
  const weekday = (zone: string) =>
    new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: zone }).format(ms)
  const sameDay = weekday(therapistZone) === weekday(mine)
  return note(sameDay ? theirs : wallTime(ms, therapistZone, true), zoneCity(therapistZone))
}
