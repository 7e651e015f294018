import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { createRecordServices } from '../../../src/main/core'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { silentEvents, systemClock } from '../../../src/main/core/ports'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0100: session title and location, import runs', () => {
  it('keeps existing sessions (no title, no place), then stores and returns both; import runs start empty', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, upTo(70))
    const services = createRecordServices({ db: () => db, checkpoint: () => undefined, clock: systemClock, events: silentEvents })
    const fields = { therapistId: null, startsAt: Date.UTC(2026, 0, 5, 10), timeZone: 'UTC', durationMinutes: 50, format: 'video' as const, status: 'attended' as const, notes: 'before', moodBefore: null, moodAfter: null, takeaways: '', homework: [] }
    const before = services.sessions.create(fields)

    migrate(db, upTo(100))
    expect(schemaVersion(db)).toBe(100)
    expect(services.sessions.get({ id: before.id })).toMatchObject({ notes: 'before', title: null, location: null })
    const titled = services.sessions.create({ ...fields, title: 'Weekly session', location: 'Room 4, Hill Street 12' })
    expect(services.sessions.get({ id: titled.id })).toMatchObject({ title: 'Weekly session', location: 'Room 4, Hill Street 12' })
    const matches = (query: string) => db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck().get(query)
    expect([matches('title: weekly'), matches('body: hill')]).toEqual([1, 1])
    expect(services.sessions.update({ id: titled.id, patch: { location: null } })).toMatchObject({ title: 'Weekly session', location: null })
    expect([matches('title: weekly'), matches('hill'), matches('before')]).toEqual([1, 0, 2])
    expect(db.prepare('SELECT count(*) FROM import_runs').pluck().get()).toBe(0)
    expect(() => db.prepare("INSERT INTO import_runs (id, state, started_at) VALUES ('r', 'half', 1)").run()).toThrow(/CHECK/)
  })
})
