import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0020: import sources, reminder keys, reminder settings', () => {
  it('applies over a 0010 database with data and keeps that data', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, upTo(10))
    db.prepare(
      "INSERT INTO sessions (id, starts_at, time_zone, duration_minutes, format, status, created_at, updated_at) VALUES ('s1', 1, 'UTC', 50, 'video', 'scheduled', 1, 1)",
    ).run()
    db.prepare("INSERT INTO reflections (id, body, created_at, updated_at) VALUES ('r1', 'x', 1, 1)").run()
    migrate(db, upTo(20))
    expect(schemaVersion(db)).toBe(20)
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1)

    db.prepare("INSERT INTO import_sources (source, external_key, session_id, imported_at) VALUES ('ics', 'uid-1', 's1', 5)").run()
    db.prepare(
      "INSERT INTO import_sources (source, external_key, reflection_id, time_zone, imported_at) VALUES ('day_one', 'u-2', 'r1', 'Europe/Paris', 5)",
    ).run()
    // Deleting the imported item keeps the link, so a re-import does not bring it back.
    db.prepare("DELETE FROM sessions WHERE id = 's1'").run()
    db.prepare("DELETE FROM reflections WHERE id = 'r1'").run()
    expect(db.prepare('SELECT source, external_key, session_id, reflection_id FROM import_sources ORDER BY source').all()).toEqual([
      { source: 'day_one', external_key: 'u-2', session_id: null, reflection_id: null },
      { source: 'ics', external_key: 'uid-1', session_id: null, reflection_id: null },
    ])
    expect(() =>
      db.prepare("INSERT INTO import_sources (source, external_key, imported_at) VALUES ('ics', 'uid-1', 6)").run(),
    ).toThrow(/UNIQUE|PRIMARY/)
    expect(() =>
      db.prepare("INSERT INTO import_sources (source, external_key, imported_at) VALUES ('other', 'x', 6)").run(),
    ).toThrow(/CHECK/)
  })

  it('makes (kind, ref_id) unique among reminders and keeps one settings row', () => {
    const db = new Database(':memory:')
    migrate(db, upTo(20))
    const add = db.prepare("INSERT INTO reminders (id, kind, ref_id, due_at, created_at) VALUES (?, 'draft_ready', ?, 1, 1)")
    add.run('a', 'd1')
    expect(() => add.run('b', 'd1')).toThrow(/UNIQUE/)
    db.prepare("INSERT INTO reminder_settings (id, settings, updated_at) VALUES (1, '{}', 1)").run()
    expect(() => db.prepare("INSERT INTO reminder_settings (id, settings, updated_at) VALUES (2, '{}', 1)").run()).toThrow(/CHECK/)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })
})
