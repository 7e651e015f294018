import type Database from 'better-sqlite3-multiple-ciphers'
import { selectRows, type TableSpec } from '../db/table.repo'

export const sessionsTable: TableSpec = {
  table: 'sessions',
  fields: {
    id: ['id', 'plain'],
    title: ['title', 'plain'],
    location: ['location', 'plain'],
    therapistId: ['therapist_id', 'plain'],
    startsAt: ['starts_at', 'plain'],
    timeZone: ['time_zone', 'plain'],
    durationMinutes: ['duration_minutes', 'plain'],
    format: ['format', 'plain'],
    status: ['status', 'plain'],
    notes: ['notes', 'plain'],
    moodBefore: ['mood_before', 'plain'],
    moodAfter: ['mood_after', 'plain'],
    takeaways: ['takeaways', 'plain'],
    homework: ['homework', 'json'],
    createdAt: ['created_at', 'plain'],
    updatedAt: ['updated_at', 'plain'],
  },
}

export function listSessions(
  db: Database.Database,
  filter: { from: number | null; to: number | null; therapistId: string | null; limit: number },
) {
  const where: string[] = []
  if (filter.from !== null) where.push('starts_at >= @from')
  if (filter.to !== null) where.push('starts_at < @to')
  if (filter.therapistId !== null) where.push('therapist_id = @therapistId')
  return selectRows(db, sessionsTable, { where, params: filter, orderBy: 'starts_at DESC, id DESC', limit: filter.limit })
}
