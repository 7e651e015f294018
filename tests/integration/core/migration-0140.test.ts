import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { TEXT_NAME } from '../../../src/main/core/sync/merge'
import { vaultSyncStore } from '../../../src/main/core/sync/sync-state.repo'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

const docWith = (text: string): Y.Doc => {
  const doc = new Y.Doc()
  doc.getText(TEXT_NAME).insert(0, text)
  return doc
}

describe('migration 0140: the text a row holds while newer words wait', () => {
  it('adds sync_texts.base over a vault with texts; another computer’s change keeps the text before it until the row is written, an own edit does not', () => {
    const db = new Database(':memory:')
    migrate(db, upTo(130))
    db.prepare("INSERT INTO sync_texts (tbl, row_key, field, state) VALUES ('reflections', '[\"r1\"]', 'body', ?)").run(Buffer.from(Y.encodeStateAsUpdate(docWith('Held.'))))
    migrate(db, upTo(140))
    expect(schemaVersion(db)).toBe(140)
    const store = vaultSyncStore(db, 1)
    const key = ['reflections', '["r1"]', 'body'] as const
    expect(store.textBase(...key)).toBeNull()

    const doc = store.textDoc(...key)
    doc.getText(TEXT_NAME).insert(0, 'Mine. ')
    store.textChanged(...key, doc, true)
    expect(store.textBase(...key)).toBeNull()
    doc.getText(TEXT_NAME).insert(11, ' Arrived.')
    store.textChanged(...key, doc)
    doc.getText(TEXT_NAME).insert(0, 'Also. ')
    store.textChanged(...key, doc)
    const base = store.textBase(...key)
    expect(base?.getText(TEXT_NAME).toString()).toBe('Mine. Held.')
    expect(base?.clientID).not.toBe(1)

    store.setTextBase(...key, docWith('Saved.'))
    expect(store.textBase(...key)?.getText(TEXT_NAME).toString()).toBe('Saved.')
    store.textsWritten('reflections', '["r1"]')
    expect(store.textBase(...key)).toBeNull()
    expect(store.textDoc(...key).getText(TEXT_NAME).toString()).toBe('Also. Mine. Held. Arrived.')
  })
})
