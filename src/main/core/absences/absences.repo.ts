import type Database from 'better-sqlite3-multiple-ciphers'
import { selectRows, type TableSpec } from '../db/table.repo'

export const absencesTable: TableSpec = {
  table: 'absences',
  fields: {
    id: ['id', 'plain'],
    therapistId: ['therapist_id', 'plain'],
    startsAt: ['starts_at', 'plain'],
    endsAt: ['ends_at', 'plain'],
    coveringName: ['covering_name', 'plain'],
    coveringContact: ['covering_contact', 'plain'],
    note: ['note', 'plain'],
    createdAt: ['created_at', 'plain'],
    updatedAt: ['updated_at', 'plain'],
  },
}

export function listAbsences(db: Database.Database, filter: { therapistId: string | null }) {
  const where = filter.therapistId === null ? [] : ['therapist_id = @therapistId']
  return selectRows(db, absencesTable, { where, params: filter, orderBy: 'starts_at, id' })
}
