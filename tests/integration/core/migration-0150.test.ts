import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { dropJoinBase, joinBase, keepJoinBase } from '../../../src/main/core/sync/joining'
import { TEXT_NAME } from '../../../src/main/core/sync/merge'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0150: what the vault last held in sync, kept for joining again', () => {
  it('adds sync_join_base over a vault in sync; turning sync off keeps each field’s seen value and stamp and each text’s document', () => {
    const db = new Database(':memory:')
    migrate(db, upTo(140))
    const doc = new Y.Doc()
    doc.getText(TEXT_NAME).insert(0, 'Kept words.')
    db.prepare("INSERT INTO sync_cells (tbl, row_key, field, value, stamp, seen) VALUES ('reflections', '[\"r1\"]', 'mood', '3', 'stamp-1', '3')").run()
    db.prepare("INSERT INTO sync_cells (tbl, row_key, field, value, stamp, seen) VALUES ('reflections', '[\"r2\"]', 'mood', '4', 'stamp-2', NULL)").run()
    db.prepare("INSERT INTO sync_texts (tbl, row_key, field, state) VALUES ('reflections', '[\"r1\"]', 'body', ?)").run(Buffer.from(Y.encodeStateAsUpdate(doc)))
    migrate(db, upTo(150))
    expect(schemaVersion(db)).toBe(150)

    keepJoinBase(db)
    const base = joinBase(db)
    expect(base.field('reflections', '["r1"]', 'mood')).toEqual({ seen: 3, stamp: 'stamp-1' })
    // Never in its row here (still on its way): nothing to compare with.
    expect(base.field('reflections', '["r2"]', 'mood')).toBeUndefined()
    expect(base.text('reflections', '["r1"]', 'body')?.getText(TEXT_NAME).toString()).toBe('Kept words.')
    expect(base.text('reflections', '["r2"]', 'body')).toBeNull()

    dropJoinBase(db)
    expect(joinBase(db).field('reflections', '["r1"]', 'mood')).toBeUndefined()
  })

  it('turned off in the middle of a join, the base that join started from stays', () => {
    const db = new Database(':memory:')
    migrate(db, upTo(150))
    db.prepare("INSERT INTO sync_cells (tbl, row_key, field, value, stamp, seen) VALUES ('reflections', '[\"r1\"]', 'mood', '3', 'stamp-1', '3')").run()
    keepJoinBase(db)
    // Joining again: the folder's state came in, the rows are not recorded yet.
    db.exec("DELETE FROM sync_cells; INSERT INTO sync_meta (name, value) VALUES ('joining', 'true')")
    db.prepare("INSERT INTO sync_cells (tbl, row_key, field, value, stamp, seen) VALUES ('reflections', '[\"r1\"]', 'mood', '5', 'stamp-9', '5')").run()
    keepJoinBase(db)
    expect(joinBase(db).field('reflections', '["r1"]', 'mood')).toEqual({ seen: 3, stamp: 'stamp-1' })
  })
})
