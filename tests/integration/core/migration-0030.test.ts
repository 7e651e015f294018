import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { matchesAtSchema } from '../../helpers/search-at-schema'
import { createRecordServices } from '../../../src/main/core'
import { silentEvents, systemClock } from '../../../src/main/core/ports'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0030: prefix indexes for search-as-you-type', () => {
  it('rebuilds the index over a 0020 database with data; search, edits and deletes still work', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, upTo(20))
    const services = createRecordServices({ db: () => db, checkpoint: () => undefined, clock: systemClock, events: silentEvents })
    const kept = services.reflections.create({ body: 'the heron by the canal', mood: null, tags: [], sessionId: null, bringToSession: false })
    const gone = services.reflections.create({ body: 'a heavy week', mood: null, tags: [], sessionId: null, bringToSession: false })
    const rowidsBefore = db.prepare('SELECT rowid, ref_id FROM search_docs ORDER BY rowid').all()

    migrate(db, upTo(30))
    expect(schemaVersion(db)).toBe(30)
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get()).toContain("prefix = '1 2 3 4'")
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_rebuild'").pluck().get()).toBe(0)
    expect(db.prepare('SELECT rowid, ref_id FROM search_docs ORDER BY rowid').all()).toEqual(rowidsBefore)

    const ids = (query: string) => matchesAtSchema(db, query).map((hit) => hit.replace('reflection:', ''))
    expect(ids('h')).toEqual([gone.id, kept.id])
    expect(ids('her')).toEqual([kept.id])
    services.reflections.update({ id: kept.id, patch: { body: 'the kingfisher by the canal' } })
    expect(ids('her')).toEqual([])
    expect(ids('king')).toEqual([kept.id])
    services.reflections.delete({ id: gone.id })
    expect(ids('heavy')).toEqual([])
  })
})
