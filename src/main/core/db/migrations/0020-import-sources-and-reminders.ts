import type { Migration } from './index'

/**
 * 0020: what imports and reminders need.
 *
 * - import_sources: where an imported item came from, so a re-import finds it instead of making
 *   a duplicate. An .ics event is keyed by UID (plus RECURRENCE-ID for one occurrence of a
 *   series); a Day One entry by its uuid. When the person deletes the imported item the link
 *   stays (pointing nowhere), so importing the same file again does not bring it back.
 *   time_zone keeps the zone an entry was written in (Day One) where the item has no column
 *   for it.
 * - reminders: one pending reminder per (kind, ref_id), so deriving them again is an upsert.
 * - reminder_settings: the person's reminder choices, one JSON row (kinds on or off, the
 *   optional reflection prompt's time and zone). Inside the vault: when someone is reminded is
 *   private too.
 */
export const importSourcesAndReminders: Migration = {
  version: 20,
  name: 'import-sources-and-reminders',
  up(db) {
    db.exec(`
CREATE TABLE import_sources (
  source TEXT NOT NULL CHECK (source IN ('ics', 'day_one')),
  external_key TEXT NOT NULL,
  session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
  reflection_id TEXT REFERENCES reflections(id) ON DELETE SET NULL,
  time_zone TEXT,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (source, external_key)
) WITHOUT ROWID;
CREATE INDEX import_sources_by_session ON import_sources (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX import_sources_by_reflection ON import_sources (reflection_id) WHERE reflection_id IS NOT NULL;

CREATE UNIQUE INDEX reminders_by_kind_ref ON reminders (kind, ref_id);

CREATE TABLE reminder_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  updated_at INTEGER NOT NULL
);
`)
  },
}
