import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { matchesAtSchema } from '../../helpers/search-at-schema'
import { createRecordServices } from '../../../src/main/core'
import { silentEvents, systemClock } from '../../../src/main/core/ports'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0070: search by date', () => {
  it('indexes search_docs by date over a database with data; search by date and by best match still work', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, upTo(60))
    const services = createRecordServices({ db: () => db, checkpoint: () => undefined, clock: systemClock, events: silentEvents })
    const older = services.reflections.create({ body: 'the heron', mood: null, tags: [], sessionId: null, bringToSession: false })
    const newer = services.reflections.create({ body: 'the heron, the heron', mood: null, tags: [], sessionId: null, bringToSession: false })

    migrate(db, upTo(70))
    expect(schemaVersion(db)).toBe(70)
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_docs_by_at'").pluck().get()).toContain('search_docs (at)')
    const ids = (order: 'date' | 'relevance') => matchesAtSchema(db, 'heron', order).map((hit) => hit.replace('reflection:', ''))
    expect(ids('date')).toEqual([newer.id, older.id])
    expect(ids('relevance')).toEqual([newer.id, older.id])
  })
})
