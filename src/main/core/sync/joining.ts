/**
 * A computer joining a folder (turned on with a folder that has a header: the first join of a
 * vault with its own records, or a removed or long-gone computer joining again) takes in the
 * folder's state before it records its own rows: recorded first, against an empty merged state,
 * every long text the folder already holds would be inserted a second time (a Yjs insertion
 * of its own), and every unchanged value sent again. Recorded after, capture compares each row
 * with the merged state (capture.ts).
 *
 * What the vault last held in sync is kept when sync is turned off (the *join base*,
 * sync_join_base): for each field the value last in its row (`seen`) and the stamp of its merged
 * value, for each long text its Yjs document. Joining again, a field unchanged here since then
 * keeps whichever of the folder's value and the kept one has the later stamp (a value recorded
 * here but never taken by the others is sent again with its own stamp); a long text is the
 * person's edit of the kept document since, merged into the folder's document with whatever the
 * kept one holds that the folder's lacks, so words both already have are never inserted again
 * and neither side's words are lost; a row the vault had then and has no longer was deleted here.
 *
 * The mark is set when sync is turned on and cleared, with the base, in the transaction that
 * records the rows (sync-run.ts), so a pass stopped before that goes on joining.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import * as Y from 'yjs'
import { prepared } from '../db/table.repo'
import type { Stamp } from './hlc'
import type { ProgressStore } from './merge-store'
import type { JsonValue } from './ops'
import type { Roster } from './roster'

const JOINING = 'joining'

export const isJoining = (store: ProgressStore): boolean => store.meta(JOINING) === true

export const markJoining = (store: ProgressStore, joining: boolean): void => store.setMeta(JOINING, joining)

export interface JoinBase {
  /** The field's value in its row when the vault was last in sync, and the stamp of its merged value then. */
  field(table: string, row: string, field: string): { seen: JsonValue; stamp: Stamp } | undefined
  /** The long text's document then (with a writer id of its own), or null. */
  text(table: string, row: string, field: string): Y.Doc | null
}

/**
 * Sync is being turned off: what the vault holds in sync now is kept as the base of a later join
 * (turned off in the middle of a join, the base that join started from still holds). Only rows
 * that were written into their tables (a field with a `seen` value) are kept, each text as its
 * row holds it (`base` while newer words wait, else the merged document): a row still waiting
 * in sync_pending that never reached its table (its parent not arrived yet) was never in this
 * vault, so the join must not take its absence for a deletion made here.
 */
export function keepJoinBase(db: Database.Database): void {
  if (prepared(db, 'SELECT value FROM sync_meta WHERE name = ?').pluck().get(JOINING) === JSON.stringify(true)) return
  db.exec(`
DELETE FROM sync_join_base;
INSERT INTO sync_join_base (tbl, row_key, field, seen, stamp) SELECT tbl, row_key, field, seen, stamp FROM sync_cells WHERE seen IS NOT NULL;
INSERT INTO sync_join_base (tbl, row_key, field, doc)
  SELECT tbl, row_key, field, coalesce(base, state) FROM sync_texts t
  WHERE EXISTS (SELECT 1 FROM sync_cells c WHERE c.tbl = t.tbl AND c.row_key = t.row_key AND c.seen IS NOT NULL)
  ON CONFLICT (tbl, row_key, field) DO UPDATE SET doc = excluded.doc;`)
}

export const dropJoinBase = (db: Database.Database): void => void db.exec('DELETE FROM sync_join_base')

const PREVIOUS = 'previousDevice'

/** The id this computer had in the folder and the last of its files there, kept when sync is turned off (sync_meta). */
export interface PreviousDevice {
  id: string
  lastSequence: number
}

/** Sync was turned off (after its state was cleared): the id it had is kept for the next join. */
export const keepPreviousDevice = (db: Database.Database, previous: PreviousDevice): void =>
  void prepared(db, 'INSERT OR REPLACE INTO sync_meta (name, value) VALUES (?, ?)').run(PREVIOUS, JSON.stringify(previous))

export function previousDevice(db: Database.Database): PreviousDevice | null {
  const value = prepared(db, 'SELECT value FROM sync_meta WHERE name = ?').pluck().get(PREVIOUS) as string | undefined
  return value === undefined ? null : (JSON.parse(value) as PreviousDevice)
}

export const dropPreviousDevice = (db: Database.Database): void => void prepared(db, 'DELETE FROM sync_meta WHERE name = ?').run(PREVIOUS)

/**
 * Joining a folder again with a new id: this computer's previous entry in the roster is replaced.
 * It is marked removed with its last file as its cut-off, so every file it wrote is applied
 * everywhere (then compacted and deleted as any removed device's), it is never again a current
 * device, and the device list shows it as removed rather than as a second computer.
 */
export const replacedIn = (roster: Roster, previous: PreviousDevice | null): Roster => ({
  devices: roster.devices.map((d) => (d.id === previous?.id && d.removedAfter === null ? { ...d, removedAfter: previous.lastSequence } : d)),
})

/** Every row of the base is looked at by the join's capture (one gone from its table since was deleted here). */
export const noteJoinBaseRows = (db: Database.Database): void =>
  void db.exec('INSERT OR IGNORE INTO sync_dirty (tbl, row_key) SELECT DISTINCT tbl, row_key FROM sync_join_base')

export function joinBase(db: Database.Database): JoinBase {
  const read = (t: string, r: string, f: string) =>
    prepared(db, 'SELECT seen, stamp, doc FROM sync_join_base WHERE tbl = ? AND row_key = ? AND field = ?').get(t, r, f) as
      | { seen: string | null; stamp: string | null; doc: Buffer | null }
      | undefined
  return {
    field(t, r, f) {
      const row = read(t, r, f)
      return row?.seen != null && row.stamp !== null ? { seen: JSON.parse(row.seen) as JsonValue, stamp: row.stamp } : undefined
    },
    text(t, r, f) {
      const doc = read(t, r, f)?.doc
      if (!doc) return null
      const kept = new Y.Doc()
      Y.applyUpdate(kept, doc)
      return kept
    },
  }
}
