import type Database from 'better-sqlite3-multiple-ciphers'
import { newId } from '../ids'
import { prepared, selectRows, type TableSpec } from '../db/table.repo'

export const reflectionsTable: TableSpec = {
  table: 'reflections',
  fields: {
    id: ['id', 'plain'],
    body: ['body', 'plain'],
    mood: ['mood', 'plain'],
    sessionId: ['session_id', 'plain'],
    bringToSession: ['bring_to_session', 'bool'],
    createdAt: ['created_at', 'plain'],
    updatedAt: ['updated_at', 'plain'],
  },
}

export function listReflections(db: Database.Database, filter: { limit: number; before: number | null; tag: string | null }) {
  const where: string[] = []
  if (filter.before !== null) where.push('created_at < @before')
  if (filter.tag !== null) {
    where.push(
      'id IN (SELECT reflection_id FROM reflection_tags JOIN tags ON tags.id = reflection_tags.tag_id WHERE tags.name = @tag)',
    )
  }
  return selectRows(db, reflectionsTable, { where, params: filter, orderBy: 'created_at DESC, id DESC', limit: filter.limit })
}

export function tagNamesOf(db: Database.Database, reflectionId: string): string[] {
  return (
    prepared(
      db,
      'SELECT tags.name FROM reflection_tags JOIN tags ON tags.id = reflection_tags.tag_id WHERE reflection_id = ? ORDER BY tags.name COLLATE NOCASE',
    )
      .pluck()
      .all(reflectionId) as string[]
  )
}

/** Replaces a reflection's tags, creating tags that do not exist yet (names match case-insensitively). */
export function setTags(db: Database.Database, reflectionId: string, names: readonly string[], now: number): void {
  prepared(db, 'DELETE FROM reflection_tags WHERE reflection_id = ?').run(reflectionId)
  for (const name of names) {
    prepared(db, 'INSERT INTO tags (id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(newId(now), name)
    prepared(
      db,
      'INSERT OR IGNORE INTO reflection_tags (reflection_id, tag_id) SELECT ?, id FROM tags WHERE name = ?',
    ).run(reflectionId, name)
  }
}

export function listTagsWithCounts(db: Database.Database) {
  return prepared(
    db,
    `SELECT tags.id, tags.name, count(reflection_tags.reflection_id) AS count
       FROM tags LEFT JOIN reflection_tags ON reflection_tags.tag_id = tags.id
      GROUP BY tags.id ORDER BY tags.name COLLATE NOCASE`,
  ).all() as Array<{ id: string; name: string; count: number }>
}
