import type { Migration } from './index'

/**
 * 0040: what the import preview needs from import_sources.
 *
 * - source 'daylio': Daylio entries keep a link too, so importing the same backup again adds
 *   nothing.
 * - absence_id: an all-day calendar event the person chose to import as an absence.
 * - written_digest: a digest of the session fields the import wrote. When a re-import finds
 *   the session's fields differ from it, the person edited the session since, and the preview
 *   asks before overwriting. NULL for links made before 0040.
 *
 * SQLite cannot change a CHECK constraint in place, so the table is rebuilt (rows kept).
 */
export const importSourcesDaylioAbsences: Migration = {
  version: 40,
  name: 'import-sources-daylio-absences',
  up(db) {
    db.exec(`
CREATE TABLE import_sources_new (
  source TEXT NOT NULL CHECK (source IN ('ics', 'day_one', 'daylio')),
  external_key TEXT NOT NULL,
  session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
  reflection_id TEXT REFERENCES reflections(id) ON DELETE SET NULL,
  absence_id TEXT REFERENCES absences(id) ON DELETE SET NULL,
  time_zone TEXT,
  written_digest TEXT,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (source, external_key)
) WITHOUT ROWID;
INSERT INTO import_sources_new (source, external_key, session_id, reflection_id, time_zone, imported_at)
  SELECT source, external_key, session_id, reflection_id, time_zone, imported_at FROM import_sources;
DROP TABLE import_sources;
ALTER TABLE import_sources_new RENAME TO import_sources;
CREATE INDEX import_sources_by_session ON import_sources (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX import_sources_by_reflection ON import_sources (reflection_id) WHERE reflection_id IS NOT NULL;
CREATE INDEX import_sources_by_absence ON import_sources (absence_id) WHERE absence_id IS NOT NULL;
`)
  },
}
