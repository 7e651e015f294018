/**
 * The text a calendar event brings along. Its title and place become the session's own title
 * and location; its description is kept in the session's notes under a clear heading so the
 * person can tell it came from the calendar.
 */
import { SESSION_LOCATION_MAX, SESSION_TITLE_MAX } from '../../../../shared/domain/session-limits'
import type { CalendarEvent } from './calendar-event'

export const IMPORTED_DETAILS_HEADING = 'Imported details (from the calendar)'

export function importedDetails(event: Pick<CalendarEvent, 'description'>): string {
  const description = event.description.replace(/\r\n?/g, '\n').trim()
  return description === '' ? '' : [IMPORTED_DETAILS_HEADING, '', description].join('\n').slice(0, 200_000)
}

/** A one-line text for a short field: whitespace runs as one space, cut to fit; null when empty. */
const shortText = (text: string, max: number): string | null => {
  const line = text.replace(/\s+/g, ' ').trim()
  return line === '' ? null : line.slice(0, max).trimEnd()
}

export const importedTitle = (event: Pick<CalendarEvent, 'title'>): string | null => shortText(event.title, SESSION_TITLE_MAX)
export const importedLocation = (event: Pick<CalendarEvent, 'location'>): string | null => shortText(event.location, SESSION_LOCATION_MAX)
