/**
 * What importing a calendar does: new occurrences become sessions (past ones "attended" unless
 * called off, as the person chose), occurrences imported before are updated when the calendar
 * changed them, unless the person edited the session since (then the preview asks), and
 * everything not imported is listed with its reason and line.
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { calendarImportOptions } from '../../../../shared/ipc/schemas/import'
import { finishPlan, previewBuilder, type ImportLookups, type ImportPlan, type PlannedWrite, type SessionFields } from '../import-plan'
import type { ParsedCalendar } from './calendar'
import { importedDetails, importedLocation, importedTitle } from './calendar-notes'

type Options = z.output<typeof calendarImportOptions>

const MIN_MINUTES = 5
const MAX_MINUTES = 600

/**
 * What an import wrote, as a digest. A session with neither title nor location digests as it did
 * before migration 0100 added them, so sessions imported earlier are not taken for edited ones.
 */
export const sessionDigest = (s: SessionFields): string => {
  const fields: unknown[] = [s.therapistId, s.startsAt, s.timeZone, s.durationMinutes, s.format, s.status, s.notes]
  if (s.title !== null || s.location !== null) fields.push(s.title, s.location)
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}

const sameSession = (a: SessionFields, b: SessionFields): boolean => sessionDigest(a) === sessionDigest(b)

/** Months from an instant, in UTC calendar months (the window's edges). */
export function addMonths(ms: number, months: number): number {
  const date = new Date(ms)
  date.setUTCMonth(date.getUTCMonth() + months)
  return date.getTime()
}

export function calendarWindow(now: number, options: Pick<Options, 'pastMonths' | 'aheadMonths'>) {
  return { from: options.pastMonths >= 1200 ? Number.NEGATIVE_INFINITY : addMonths(now, -options.pastMonths), to: addMonths(now, options.aheadMonths) }
}

export function planCalendar(parsed: ParsedCalendar, options: Options, now: number, lookups: ImportLookups): ImportPlan {
  const preview = previewBuilder()
  const writes: PlannedWrite[] = []
  let kept = 0
  for (const { line, kind } of parsed.repairs) preview.repair(kind, `line ${line}`)
  for (const { line, note } of parsed.notes) preview.repair(note, `line ${line}`)
  for (const { line, reason, count } of parsed.skips) preview.skip(reason, `line ${line}`, count)
  const therapistId = options.therapistId !== null && lookups.therapistExists(options.therapistId) ? options.therapistId : null

  for (const occurrence of parsed.occurrences) {
    const { event, key, startsAt } = occurrence
    const place = `line ${event.line}`
    const link = lookups.source('ics', key)

    if (event.allDay) {
      if (link) {
        preview.body.unchanged++
        continue
      }
      if (occurrence.excluded || event.cancelled) {
        preview.skip('cancelled_occurrence', place)
        continue
      }
      if (options.allDay === 'skip') {
        preview.skip('all_day', place)
        continue
      }
      if (therapistId === null) {
        preview.skip('all_day_needs_therapist', place)
        continue
      }
      writes.push({ op: 'createAbsence', key, therapistId, startsAt, endsAt: startsAt + Math.max(event.durationMs, 60_000), note: event.title })
      preview.body.create.absences++
      preview.item({ action: 'create', kind: 'absence', at: startsAt, title: event.title, status: null, format: null, mood: null })
      continue
    }

    const durationMinutes = Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, Math.round(event.durationMs / 60_000)))
    const calledOff = occurrence.excluded || event.cancelled
    const ended = startsAt + durationMinutes * 60_000 <= now
    const session: SessionFields = {
      title: importedTitle(event),
      location: importedLocation(event),
      therapistId,
      startsAt,
      timeZone: event.zone.kind === 'iana' ? event.zone.name : options.timeZone,
      durationMinutes,
      format: options.format ?? event.mode,
      status: calledOff ? 'cancelled' : ended ? options.pastStatus : 'scheduled',
      notes: importedDetails(event),
    }
    const shown = { title: event.title, status: session.status, format: session.format, mood: null }

    if (!link) {
      if (occurrence.excluded) {
        preview.skip('cancelled_occurrence', place)
        continue
      }
      writes.push({ op: 'createSession', key, session, digest: sessionDigest(session) })
      preview.body.create.sessions++
      preview.item({ action: 'create', kind: 'session', at: startsAt, ...shown })
      continue
    }
    const current = link.sessionId === null ? undefined : lookups.session(link.sessionId)
    if (!current || link.sessionId === null) {
      preview.skip('deleted_since_import', place)
      continue
    }
    // Keep the person's therapist choice when this import names nobody.
    const next = { ...session, therapistId: session.therapistId ?? current.therapistId }
    if (sameSession(next, current)) {
      preview.body.unchanged++
      continue
    }
    const editedSince = link.writtenDigest !== null ? link.writtenDigest !== sessionDigest(current) : current.status !== 'scheduled'
    if (editedSince) {
      preview.body.edited++
      if (options.edited === 'keep') {
        kept++
        continue
      }
    }
    writes.push({ op: 'updateSession', key, sessionId: link.sessionId, session: next, digest: sessionDigest(next) })
    preview.body.update++
    preview.item({ action: 'update', kind: 'session', at: startsAt, ...shown })
  }
  return finishPlan(writes, preview.body, kept)
}
