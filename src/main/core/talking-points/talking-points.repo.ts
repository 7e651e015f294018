import type Database from 'better-sqlite3-multiple-ciphers'
import { selectRows, type TableSpec } from '../db/table.repo'

export const talkingPointsTable: TableSpec = {
  table: 'talking_points',
  fields: {
    id: ['id', 'plain'],
    text: ['text', 'plain'],
    priority: ['priority', 'plain'],
    position: ['position', 'plain'],
    targetSessionId: ['target_session_id', 'plain'],
    sourceReflectionId: ['source_reflection_id', 'plain'],
    sourceDraftId: ['source_draft_id', 'plain'],
    status: ['status', 'plain'],
    createdAt: ['created_at', 'plain'],
    updatedAt: ['updated_at', 'plain'],
  },
}

export function listTalkingPoints(db: Database.Database, filter: { status: string | null; targetSessionId: string | null }) {
  const where: string[] = []
  if (filter.status !== null) where.push('status = @status')
  if (filter.targetSessionId !== null) where.push('target_session_id = @targetSessionId')
  return selectRows(db, talkingPointsTable, { where, params: filter, orderBy: 'position, created_at, id' })
}
