import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { vaultSyncStore } from '../../../src/main/core/sync/sync-state.repo'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0130: what compaction remembers', () => {
  it('adds sync_meta over a vault with sync state; the store keeps named JSON values there and refuses what is not JSON', () => {
    const db = new Database(':memory:')
    migrate(db, upTo(70))
    db.prepare("INSERT INTO sync_peers (device_id, applied_sequence) VALUES ('00112233aabbccdd', 7)").run()
    migrate(db, upTo(130))
    expect(schemaVersion(db)).toBe(130)
    const store = vaultSyncStore(db, 1)
    expect(store.appliedSequence('00112233aabbccdd')).toBe(7)
    expect(store.meta('acks')).toBeUndefined()
    store.setMeta('acks', { '00112233aabbccdd': { ffeeddccbbaa9988: 3 } })
    store.setMeta('rejoin', true)
    expect(store.meta('acks')).toEqual({ '00112233aabbccdd': { ffeeddccbbaa9988: 3 } })
    expect(store.meta('rejoin')).toBe(true)
    expect(() => db.prepare("INSERT INTO sync_meta (name, value) VALUES ('x', 'not json')").run()).toThrow(/CHECK/)
    expect(db.prepare('SELECT COUNT(*) FROM sync_meta').pluck().get()).toBe(2)
  })
})
