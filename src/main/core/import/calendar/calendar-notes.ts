/**
 * The text a calendar event brings along, kept in the session's notes under a clear heading so
 * the person can tell it came from the calendar (the title, the place, the description).
 */
import type { CalendarEvent } from './calendar-event'

export const IMPORTED_DETAILS_HEADING = 'Imported details (from the calendar)'

export function importedDetails(event: Pick<CalendarEvent, 'title' | 'location' | 'description'>): string {
  const lines: string[] = []
  if (event.title !== '') lines.push(`Title: ${event.title}`)
  if (event.location !== '') lines.push(`Place: ${event.location}`)
  if (event.description !== '') lines.push('', event.description.replace(/\r\n?/g, '\n').trim())
  return lines.length === 0 ? '' : [IMPORTED_DETAILS_HEADING, ...lines].join('\n').slice(0, 200_000)
}
