import Database from 'better-sqlite3-multiple-ciphers'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { createRecordServices } from '../../../src/main/core'
import { removeStrandedPartials } from '../../../src/main/core/export/pending-partials'
import { silentEvents, silentLogger, systemClock } from '../../../src/main/core/ports'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0110: pending exports', () => {
  it('adds pending_exports to a database with data; a remembered path is removed and forgotten, nothing else', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, upTo(70))
    const services = createRecordServices({ db: () => db, checkpoint: () => undefined, clock: systemClock, events: silentEvents })
    const kept = services.reflections.create({ body: 'before', mood: null, tags: [], sessionId: null, bringToSession: false })

    migrate(db, upTo(110))
    expect(schemaVersion(db)).toBe(110)
    expect(services.reflections.get({ id: kept.id }).body).toBe('before')

    const dir = mkdtempSync(join(tmpdir(), 'between-0110-'))
    try {
      const stranded = join(dir, '.a.json.aaaaaaaaaaaa.partial')
      writeFileSync(stranded, 'x')
      writeFileSync(join(dir, '.a.json.bbbbbbbbbbbb.partial'), 'someone else’s')
      db.prepare('INSERT INTO pending_exports (path, started_at) VALUES (?, ?), (?, ?)').run(stranded, 1, join(dir, 'gone.partial'), 2)
      removeStrandedPartials(db, silentLogger)
      expect(readdirSync(dir)).toEqual(['.a.json.bbbbbbbbbbbb.partial'])
      expect(db.prepare('SELECT count(*) FROM pending_exports').pluck().get()).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
