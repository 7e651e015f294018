import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0040: import sources for Daylio, absences and edit detection', () => {
  it('keeps every link made before, and accepts daylio, absence links and a written digest', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, upTo(30))
    db.prepare("INSERT INTO sessions (id, starts_at, time_zone, duration_minutes, format, status, created_at, updated_at) VALUES ('s1', 1, 'UTC', 50, 'video', 'scheduled', 1, 1)").run()
    db.prepare("INSERT INTO import_sources (source, external_key, session_id, imported_at) VALUES ('ics', 'uid-1', 's1', 5)").run()
    db.prepare("INSERT INTO import_sources (source, external_key, time_zone, imported_at) VALUES ('day_one', 'u-2', 'Europe/Paris', 6)").run()
    expect(() => db.prepare("INSERT INTO import_sources (source, external_key, imported_at) VALUES ('daylio', 'x', 6)").run()).toThrow(/CHECK/)

    migrate(db, upTo(40))
    expect(schemaVersion(db)).toBe(40)
    expect(db.prepare('SELECT source, external_key, session_id, reflection_id, absence_id, time_zone, written_digest, imported_at FROM import_sources ORDER BY source').all()).toEqual([
      { source: 'day_one', external_key: 'u-2', session_id: null, reflection_id: null, absence_id: null, time_zone: 'Europe/Paris', written_digest: null, imported_at: 6 },
      { source: 'ics', external_key: 'uid-1', session_id: 's1', reflection_id: null, absence_id: null, time_zone: null, written_digest: null, imported_at: 5 },
    ])
    db.prepare("INSERT INTO therapists (id, name, time_zone, created_at, updated_at) VALUES ('t1', 'T', 'UTC', 1, 1)").run()
    db.prepare("INSERT INTO absences (id, therapist_id, starts_at, ends_at, created_at, updated_at) VALUES ('a1', 't1', 1, 2, 1, 1)").run()
    db.prepare("INSERT INTO import_sources (source, external_key, absence_id, written_digest, imported_at) VALUES ('daylio', 'k', 'a1', 'd', 7)").run()
    // Deleting the absence keeps the link (a re-import does not bring it back).
    db.prepare("DELETE FROM absences WHERE id = 'a1'").run()
    expect(db.prepare("SELECT absence_id FROM import_sources WHERE external_key = 'k'").pluck().get()).toBeNull()
    expect(() => db.prepare("INSERT INTO import_sources (source, external_key, imported_at) VALUES ('other', 'x', 6)").run()).toThrow(/CHECK/)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })
})
