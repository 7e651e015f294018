import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared, selectRows, type TableSpec } from '../db/table.repo'

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

/** A talking point's link to what it is for (a session) or came from (a reflection, a draft). */
export type TalkingPointLink = 'target_session_id' | 'source_reflection_id' | 'source_draft_id'

export const linkedTalkingPointIds = (db: Database.Database, link: TalkingPointLink, id: string): string[] =>
  prepared(db, `SELECT id FROM talking_points WHERE ${link} = ? ORDER BY id`).pluck().all(id) as string[]

/** Links the given talking points to a restored record again, only those still unlinked. */
export function relinkTalkingPoints(db: Database.Database, link: TalkingPointLink, id: string, ids: readonly string[]): void {
  const statement = prepared(db, `UPDATE talking_points SET ${link} = ? WHERE id = ? AND ${link} IS NULL`)
  for (const pointId of ids) statement.run(id, pointId)
}
