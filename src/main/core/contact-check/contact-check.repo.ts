import type Database from 'better-sqlite3-multiple-ciphers'
import type { CheckAbsence, CheckContact, CheckSession } from '../../../shared/domain/contact-check'
import { prepared } from '../db/table.repo'

export function sessionsBetween(db: Database.Database, therapistId: string, from: number, to: number): CheckSession[] {
  return prepared(
    db,
    `SELECT id, starts_at AS startsAt, duration_minutes AS durationMinutes, status FROM sessions
      WHERE therapist_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at`,
  ).all(therapistId, from, to) as CheckSession[]
}

export function contactsSince(db: Database.Database, therapistId: string, since: number): CheckContact[] {
  return prepared(
    db,
    `SELECT direction, channel, purpose, at FROM contacts
      WHERE at >= ? AND (therapist_id = ? OR therapist_id IS NULL) ORDER BY at`,
  ).all(since, therapistId) as CheckContact[]
}

export function lastReflectionAt(db: Database.Database): number | null {
  return (prepared(db, 'SELECT max(created_at) FROM reflections').pluck().get() as number | null) ?? null
}

export function absencesEndingAfter(db: Database.Database, therapistId: string, after: number): CheckAbsence[] {
  return prepared(
    db,
    `SELECT id, starts_at AS startsAt, ends_at AS endsAt, covering_name AS coveringName, covering_contact AS coveringContact
       FROM absences WHERE therapist_id = ? AND ends_at > ? ORDER BY starts_at`,
  ).all(therapistId, after) as CheckAbsence[]
}

/** Rows this connection has changed since it opened: any write anywhere moves it. */
export function totalChanges(db: Database.Database): number {
  return prepared(db, 'SELECT total_changes()').pluck().get() as number
}
