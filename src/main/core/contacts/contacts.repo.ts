import type Database from 'better-sqlite3-multiple-ciphers'
import { selectRows, type TableSpec } from '../db/table.repo'

export const contactsTable: TableSpec = {
  table: 'contacts',
  fields: {
    id: ['id', 'plain'],
    therapistId: ['therapist_id', 'plain'],
    direction: ['direction', 'plain'],
    channel: ['channel', 'plain'],
    purpose: ['purpose', 'plain'],
    at: ['at', 'plain'],
    summary: ['summary', 'plain'],
    overriddenRuleIds: ['overridden_rule_ids', 'json'],
    createdAt: ['created_at', 'plain'],
    updatedAt: ['updated_at', 'plain'],
  },
}

export function listContacts(db: Database.Database, filter: { since: number | null; limit: number }) {
  const where = filter.since === null ? [] : ['at >= @since']
  return selectRows(db, contactsTable, { where, params: filter, orderBy: 'at DESC, id DESC', limit: filter.limit })
}
