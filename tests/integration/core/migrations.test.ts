import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { latestVersion, migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations, type Migration } from '../../../src/main/core/db/migrations'

const memory = () => new Database(':memory:')

describe('migrations', () => {
  it('are numbered in steps of ten, strictly increasing', () => {
    migrations.forEach((m, i) => {
      expect(m.version % 10).toBe(0)
      if (i > 0) expect(m.version).toBeGreaterThan((migrations[i - 1] as Migration).version)
    })
  })

  it('0010 creates the whole domain and its search index', () => {
    const db = memory()
    migrate(db)
    expect(schemaVersion(db)).toBe(latestVersion())
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all()
    for (const table of ['therapists', 'sessions', 'reflections', 'tags', 'reflection_tags', 'talking_points', 'rules', 'rule_versions', 'contacts', 'drafts', 'absences', 'crisis_plan', 'reminders', 'search_docs', 'search_index']) {
      expect(tables).toContain(table)
    }
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('running again is a no-op', () => {
    const db = memory()
    migrate(db)
    const before = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all()
    migrate(db)
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').pluck().all()).toEqual(before)
  })

  it('applies all pending steps in one transaction: a failing step leaves the database as it was', () => {
    const db = memory()
    const broken: Migration[] = [
      ...migrations,
      { version: 9990, name: 'good', up: (d) => d.exec('CREATE TABLE added_by_good (x)') },
      { version: 10000, name: 'bad', up: (d) => d.exec('THIS IS NOT SQL') },
    ]
    expect(() => migrate(db, broken)).toThrow(expect.objectContaining({ code: 'MIGRATION_FAILED', cause: { code: 'MIGRATION_10000' } }))
    expect(schemaVersion(db)).toBe(0)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('therapists', 'added_by_good')").pluck().get()).toBe(0)
  })

  it('reports each migration as a step, and the rows of one that reports them', () => {
    const db = memory()
    const seen: string[] = []
    const counted: Migration = { version: 9990, name: 'counted', up: (_d, progress) => [0, 5, 10].forEach((done) => progress?.(done, 10)) }
    migrate(db, [...migrations.slice(0, 2), counted], { step: (done, total) => seen.push(`step ${done}/${total}`), rows: (done, total) => seen.push(`rows ${done}/${total}`) })
    expect(seen).toEqual(['step 0/3', 'step 1/3', 'step 2/3', 'rows 0/10', 'rows 5/10', 'rows 10/10', 'step 3/3'])
    expect(schemaVersion(db)).toBe(9990)
  })

  it('refuses a database from the future and leaves it untouched', () => {
    const db = memory()
    db.pragma(`user_version = ${latestVersion() + 10}`)
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'VAULT_FROM_FUTURE' }))
    expect(db.prepare('SELECT count(*) FROM sqlite_master').pluck().get()).toBe(0)
  })
})
