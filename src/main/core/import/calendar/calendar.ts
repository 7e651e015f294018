/**
 * Calendar (.ics) files to occurrences, pure: scan leniently (ics-scan), read each event on its
 * own (calendar-event), group by UID and expand inside the import window (calendar-expand).
 * Nothing here touches the vault: the plan (calendar-plan) decides what each occurrence does.
 *
 * Identity for re-imports: the UID for a single event; UID + "#" + the occurrence's original
 * start (UTC ISO) for one occurrence of a series, which is also what a RECURRENCE-ID invitation
 * for that occurrence produces; a derived UID for events without one.
 */
import { readCalendarEvent, CalendarEventError, type CalendarEvent, type EventProblem } from './calendar-event'
import { expandEvent, type ImportWindow, type Occurrence, type OccurrenceSkip } from './calendar-expand'
import { scanCalendar, type Repair } from './ics-scan'
import { createZoneResolver } from './zones'

export interface CalendarReadOptions {
  /** The person's zone: for floating times and TZIDs nobody can read. */
  defaultZone: string
  window: ImportWindow
}

export type CalendarSkipReason = EventProblem | OccurrenceSkip

export interface ParsedCalendar {
  occurrences: Occurrence[]
  skips: Array<{ line: number; reason: CalendarSkipReason; count: number }>
  repairs: Repair[]
  /** Events read with a guess: an unknown zone (read in the person's zone), a made-up UID. */
  notes: Array<{ line: number; note: 'zone_guessed' | 'uid_derived' }>
}

export function readCalendar(text: string, options: CalendarReadOptions): ParsedCalendar {
  const scanned = scanCalendar(text)
  const method = (scanned.properties.get('METHOD') ?? '').toUpperCase()
  const zones = createZoneResolver(scanned.timezones, scanned.properties.get('X-WR-TIMEZONE') ?? null, options.defaultZone)
  const skips: ParsedCalendar['skips'] = []
  const notes: ParsedCalendar['notes'] = []

  const byUid = new Map<string, { master: CalendarEvent | null; overrides: CalendarEvent[] }>()
  for (const block of scanned.events) {
    let event: CalendarEvent
    try {
      event = readCalendarEvent(block, zones, method)
    } catch (error) {
      if (!(error instanceof CalendarEventError)) throw error
      skips.push({ line: block.line, reason: error.problem, count: 1 })
      continue
    }
    if (event.zoneGuessed) notes.push({ line: event.line, note: 'zone_guessed' })
    if (event.uidDerived) notes.push({ line: event.line, note: 'uid_derived' })
    const group = byUid.get(event.uid) ?? { master: null, overrides: [] }
    if (event.recurrenceId !== null) group.overrides.push(event)
    // A second master with the same UID (a pasted duplicate): the later one wins.
    else group.master = event
    byUid.set(event.uid, group)
  }

  const occurrences = new Map<string, Occurrence>()
  for (const { master, overrides } of byUid.values()) {
    const expansion = expandEvent(master, overrides, options.window, zones)
    for (const occurrence of expansion.occurrences) occurrences.set(occurrence.key, occurrence)
    skips.push(...expansion.skips)
  }
  return {
    occurrences: [...occurrences.values()].sort((a, b) => a.startsAt - b.startsAt || (a.key < b.key ? -1 : 1)),
    skips: skips.sort((a, b) => a.line - b.line),
    repairs: scanned.repairs,
    notes,
  }
}
