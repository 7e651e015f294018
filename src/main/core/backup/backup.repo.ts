/** Reads used to verify and describe a backup, on any schema of a connection ("main", "bk"). */
import { INSTANT_MAX, INSTANT_MIN } from '../../../shared/domain/time/instant-range'
import type Database from 'better-sqlite3-multiple-ciphers'
import { withoutRowChecks } from '../vault/open-database'

const SCHEMA = /^[a-z_]+$/
const ident = (schema: string): string => {
  if (!SCHEMA.test(schema)) throw new Error('bad schema name')
  return schema
}

/** Every table (FTS shadow tables included) -> row count. */
export function tableCounts(db: Database.Database, schema = 'main'): Record<string, number> {
  const s = ident(schema)
  const tables = db
    .prepare(`SELECT name FROM ${s}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[]
  const counts: Record<string, number> = {}
  for (const table of tables) counts[table] = db.prepare(`SELECT count(*) FROM ${s}."${table.replace(/"/g, '""')}"`).pluck().get() as number
  return counts
}

export const ENTITY_TABLES = {
  therapists: 'therapists',
  sessions: 'sessions',
  reflections: 'reflections',
  talkingPoints: 'talking_points',
  drafts: 'drafts',
  contacts: 'contacts',
  absences: 'absences',
  rules: 'rules',
  tags: 'tags',
} as const

export type EntityCounts = { -readonly [K in keyof typeof ENTITY_TABLES]: number }

export function entityCounts(counts: Record<string, number>): EntityCounts {
  const out = {} as EntityCounts
  for (const [key, table] of Object.entries(ENTITY_TABLES) as Array<[keyof EntityCounts, string]>) out[key] = counts[table] ?? 0
  return out
}

/**
 * Earliest and latest moment the person wrote about (reflections, sessions, contacts). A row whose
 * time this version cannot read (not an integer in the valid range) is left out, not fatal.
 */
export function dateRange(db: Database.Database, schema = 'main'): { first: number | null; last: number | null } {
  const s = ident(schema)
  const row = db
    .prepare(
      `SELECT min(t) AS first, max(t) AS last FROM (
         SELECT created_at AS t FROM ${s}.reflections
         UNION ALL SELECT starts_at FROM ${s}.sessions
         UNION ALL SELECT at FROM ${s}.contacts)
       WHERE typeof(t) = 'integer' AND t BETWEEN ${INSTANT_MIN} AND ${INSTANT_MAX}`,
    )
    .get() as { first: number | null; last: number | null }
  return row
}

export function schemaVersionOf(db: Database.Database, schema = 'main'): number {
  return db.pragma(`${ident(schema)}.user_version`, { simple: true }) as number
}

/**
 * integrity_check (every page read, so every page's HMAC checked). Foreign keys are not part of
 * this verdict: a link to a record that no longer exists is a repairable finding of the vault
 * itself (danglingReferences), not damage to the copy, and would otherwise fail every backup.
 */
export function checkSchema(db: Database.Database, schema = 'main'): boolean {
  const integrity = withoutRowChecks(db, () => db.pragma(`${ident(schema)}.integrity_check`) as Array<Record<string, string>>)
  return integrity.length === 1 && integrity[0]?.integrity_check === 'ok'
}

/** How many rows hold a link (foreign key) to a record that does not exist. */
export function danglingReferences(db: Database.Database, schema = 'main'): number {
  return (db.pragma(`${ident(schema)}.foreign_key_check`) as unknown[]).length
}

/** Changes whenever another connection commits (PRAGMA data_version). */
export function dataVersion(db: Database.Database): number {
  return db.pragma('data_version', { simple: true }) as number
}
