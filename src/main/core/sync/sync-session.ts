/**
 * A running sync over the open vault: the engine wired to the vault's sync tables, the folder
 * on disk and the keys, rebuilt whenever the vault is opened again. Reading the header picks up
 * keys made by other devices (a removal's new epoch is wrapped for this device's own key) and
 * the roster.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CoreError } from '../errors'
import { createHlc } from './hlc'
import type { Engine, KeyRing } from './engine'
import { HEADER_NAME } from './folder-names'
import { fsSyncFolder } from './fs-folder'
import { createMaterializer, type RowRef } from './materialize'
import type { Roster } from './roster'
import { openWithRecovery, parseSyncHeader, readRoster, type SyncHeader, type SyncKeys } from './sync-header'
import { readKeys, readSettings, saveKeys, type SyncSettingsRow } from './sync-settings.repo'
import { vaultSyncStore, type VaultSyncStore } from './sync-state.repo'
import { installCapture } from './sync-rows.repo'
import { SYNCED_TABLES } from './synced-tables'

export const yjsClientIdOf = (device: string): number => parseInt(device.slice(0, 8), 16)

export interface SyncSession {
  db: Database.Database
  settings: SyncSettingsRow
  store: VaultSyncStore
  engine: Engine
  materializer: ReturnType<typeof createMaterializer>
  /** Rows touched by files applied since the last take. */
  takeTouched(): RowRef[]
  /** Reads the header again; returns the roster. */
  refreshHeader(): { header: SyncHeader; roster: Roster }
  keys(): SyncKeys
}

export function readHeaderFile(folder: string): SyncHeader {
  let text: string
  try {
    text = readFileSync(join(folder, HEADER_NAME), 'utf8')
  } catch (error) {
    throw new CoreError('SYNC_FOLDER_INVALID', { cause: { code: (error as { code?: unknown }).code ?? 'READ' } })
  }
  return parseSyncHeader(text)
}

export function openSession(db: Database.Database, now: () => number): SyncSession | null {
  const settings = readSettings(db)
  if (!settings) return null
  for (const table of SYNCED_TABLES) installCapture(db, table)
  const store = vaultSyncStore(db, yjsClientIdOf(settings.device_id))
  const keys: SyncKeys = readKeys(db)
  const ring: KeyRing = { current: Math.max(...keys.keys()), keys }
  let roster: Roster = { devices: [] }
  const touched = new Map<string, RowRef>()
  const engine: Engine = {
    device: settings.device_id,
    folder: fsSyncFolder(settings.folder),
    store,
    hlc: createHlc(settings.device_id, now, settings.clock ?? undefined),
    now,
    keyRing: () => ring,
    members: () => roster.devices.map((d) => d.id),
    lastSequence: (device) => roster.devices.find((d) => d.id === device)?.removedAfter ?? undefined,
    onApplied(ops) {
      for (const op of ops) touched.set(`${op.t}\u0000${op.r}`, [op.t, op.r])
    },
  }
  return {
    db,
    settings,
    store,
    engine,
    materializer: createMaterializer(db, store, settings.device_id, engine.hlc),
    takeTouched() {
      const rows = [...touched.values()]
      touched.clear()
      return rows
    },
    refreshHeader() {
      const header = readHeaderFile(settings.folder)
      if (header.folderId !== settings.folder_id) throw new CoreError('SYNC_FOLDER_INVALID', { cause: { code: 'OTHER_FOLDER' } })
      if (header.keys.some((slot) => !keys.has(slot.epoch))) {
        let opened: SyncKeys = new Map()
        try {
          opened = openWithRecovery(header, settings.device_secret)
        } catch {
          // This device's own key opens nothing new: it was removed.
        }
        for (const [epoch, key] of opened) if (!keys.has(epoch)) keys.set(epoch, key)
        saveKeys(db, keys)
      }
      // The current key is wrapped for every device still in sync: not holding it means removed.
      if (!keys.has(header.current)) throw new CoreError('SYNC_DEVICE_REMOVED')
      ring.current = header.current
      roster = readRoster(header, keys)
      const self = roster.devices.find((d) => d.id === settings.device_id)
      if (self && self.removedAfter !== null) throw new CoreError('SYNC_DEVICE_REMOVED')
      return { header, roster }
    },
    keys: () => keys,
  }
}
