/** SQL for this computer's sync settings, its keys and what it heard from whom (migration 0060). */
import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared } from '../db/table.repo'

export interface SyncSettingsRow {
  device_id: string
  device_name: string
  folder: string
  folder_id: string
  device_secret: Buffer
  own_sequence: number
  clock: string | null
  enabled_at: number
}

export function readSettings(db: Database.Database): SyncSettingsRow | undefined {
  return prepared(db, 'SELECT * FROM sync_settings WHERE id = 1').get() as SyncSettingsRow | undefined
}

export function insertSettings(db: Database.Database, row: Omit<SyncSettingsRow, 'own_sequence' | 'clock'>): void {
  prepared(
    db,
    `INSERT INTO sync_settings (id, device_id, device_name, folder, folder_id, device_secret, enabled_at)
     VALUES (1, @device_id, @device_name, @folder, @folder_id, @device_secret, @enabled_at)`,
  ).run(row)
}

export function saveClock(db: Database.Database, clock: string): void {
  prepared(db, 'UPDATE sync_settings SET clock = ? WHERE id = 1').run(clock)
}

export function readKeys(db: Database.Database): Map<number, Buffer> {
  const rows = prepared(db, 'SELECT epoch, key FROM sync_keys ORDER BY epoch').all() as Array<{ epoch: number; key: Buffer }>
  return new Map(rows.map((row) => [row.epoch, row.key]))
}

export function saveKeys(db: Database.Database, keys: ReadonlyMap<number, Buffer>): void {
  const insert = prepared(db, 'INSERT OR IGNORE INTO sync_keys (epoch, key) VALUES (?, ?)')
  for (const [epoch, key] of keys) insert.run(epoch, key)
}

export function markHeard(db: Database.Database, device: string, at: number): void {
  prepared(db, 'UPDATE sync_peers SET last_applied_at = ? WHERE device_id = ?').run(at, device)
}

export function peers(db: Database.Database): Map<string, { applied: number; lastAppliedAt: number | null }> {
  const rows = prepared(db, 'SELECT device_id, applied_sequence, last_applied_at FROM sync_peers').all() as Array<{
    device_id: string
    applied_sequence: number
    last_applied_at: number | null
  }>
  return new Map(rows.map((r) => [r.device_id, { applied: r.applied_sequence, lastAppliedAt: r.last_applied_at }]))
}

/** Turning sync off on this computer: its settings, keys and merged state go; the records stay. */
export function clearSyncState(db: Database.Database): void {
  db.exec(`
DELETE FROM sync_settings; DELETE FROM sync_keys; DELETE FROM sync_cells; DELETE FROM sync_texts;
DELETE FROM sync_history; DELETE FROM sync_superseded; DELETE FROM sync_outbox; DELETE FROM sync_peers;
DELETE FROM sync_dirty; DELETE FROM sync_pending; DELETE FROM sync_applying; DELETE FROM sync_meta;`)
}
