import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { createRecordServices } from '../../../src/main/core'
import { silentEvents, systemClock } from '../../../src/main/core/ports'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0060: sync state', () => {
  it('adds empty sync tables to a database with data and leaves the records alone', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, upTo(30))
    const services = createRecordServices({ db: () => db, checkpoint: () => undefined, clock: systemClock, events: silentEvents })
    const kept = services.reflections.create({ body: 'before sync existed', mood: 3, tags: ['x'], sessionId: null, bringToSession: false })

    migrate(db, upTo(60))
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(60)
    for (const table of ['sync_settings', 'sync_keys', 'sync_cells', 'sync_texts', 'sync_history', 'sync_superseded', 'sync_outbox', 'sync_peers', 'sync_dirty', 'sync_pending', 'sync_applying', 'sync_registered']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0)
    }
    expect(services.reflections.get({ id: kept.id })).toEqual(kept)
    // History keeps one value per field and stamp; a second copy of the same loss is one row.
    const insert = db.prepare("INSERT OR IGNORE INTO sync_history (tbl, row_key, field, stamp, value) VALUES ('reflections', ?, 'mood', 's1', '2')")
    insert.run(JSON.stringify([kept.id]))
    insert.run(JSON.stringify([kept.id]))
    expect(db.prepare('SELECT count(*) FROM sync_history').pluck().get()).toBe(1)
    expect(() => db.prepare("INSERT INTO sync_settings (id, device_id, device_name, folder, folder_id, device_secret, enabled_at) VALUES (2, 'a', 'b', 'c', 'd', x'00', 0)").run()).toThrow(/CHECK/)
  })
})
