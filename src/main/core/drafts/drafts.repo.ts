import type Database from 'better-sqlite3-multiple-ciphers'
import { selectRows, type TableSpec } from '../db/table.repo'

export const draftsTable: TableSpec = {
  table: 'drafts',
  fields: {
    id: ['id', 'plain'],
    therapistId: ['therapist_id', 'plain'],
    body: ['body', 'plain'],
    purpose: ['purpose', 'plain'],
    channel: ['channel', 'plain'],
    remindAt: ['remind_at', 'plain'],
    createdAt: ['created_at', 'plain'],
    updatedAt: ['updated_at', 'plain'],
  },
}

export const listDrafts = (db: Database.Database) => selectRows(db, draftsTable, { orderBy: 'updated_at DESC, id DESC' })
