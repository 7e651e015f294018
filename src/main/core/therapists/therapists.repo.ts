import type Database from 'better-sqlite3-multiple-ciphers'
import { selectRows, type TableSpec } from '../db/table.repo'

export const therapistsTable: TableSpec = {
  table: 'therapists',
  fields: {
    id: ['id', 'plain'],
    name: ['name', 'plain'],
    pronouns: ['pronouns', 'plain'],
    practice: ['practice', 'plain'],
    timeZone: ['time_zone', 'plain'],
    channels: ['channels', 'json'],
    createdAt: ['created_at', 'plain'],
    updatedAt: ['updated_at', 'plain'],
  },
}

export const listTherapists = (db: Database.Database) =>
  selectRows(db, therapistsTable, { orderBy: 'name COLLATE NOCASE, id' })
