import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared } from '../db/table.repo'

export interface TagRow {
  id: string
  name: string
  count: number
}

export function tagById(db: Database.Database, id: string): TagRow | undefined {
  return prepared(
    db,
    `SELECT tags.id, tags.name, (SELECT count(*) FROM reflection_tags WHERE tag_id = tags.id) AS count
       FROM tags WHERE tags.id = ?`,
  ).get(id) as TagRow | undefined
}

/** The tag with this name, ignoring case (the column is COLLATE NOCASE). */
export function tagIdByName(db: Database.Database, name: string): string | undefined {
  return prepared(db, 'SELECT id FROM tags WHERE name = ?').pluck().get(name) as string | undefined
}

export function renameTag(db: Database.Database, id: string, name: string): boolean {
  return prepared(db, 'UPDATE tags SET name = ? WHERE id = ?').run(name, id).changes === 1
}

/** Re-tags every reflection of `sourceId` with `targetId` (once), then drops the source tag. */
export function mergeTagInto(db: Database.Database, sourceId: string, targetId: string): void {
  prepared(
    db,
    `INSERT OR IGNORE INTO reflection_tags (reflection_id, tag_id)
     SELECT reflection_id, @targetId FROM reflection_tags WHERE tag_id = @sourceId`,
  ).run({ sourceId, targetId })
  prepared(db, 'DELETE FROM tags WHERE id = ?').run(sourceId)
}
