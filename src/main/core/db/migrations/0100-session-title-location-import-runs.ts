import { dropSearchTriggers, SEARCH_INDEXED, searchTriggersFor, type SearchIndexed } from './0090-search-title-and-date-rowids'
import type { Migration } from './index'

const indexedSessions = SEARCH_INDEXED.find((entry) => entry.table === 'sessions') as SearchIndexed
/** Sessions as search sees them from here on: the title as their title, the place with the notes. */
const sessionsWithTitle: SearchIndexed = {
  ...indexedSessions,
  title: (r) => `coalesce(${r}.title, '')`,
  body: (r) => `${indexedSessions.body(r)} || char(10) || coalesce(${r}.location, '')`,
  columns: [...indexedSessions.columns, 'title', 'location'],
}

/**
 * 0100: what imports keep and how they are taken back.
 *
 * - sessions.title, sessions.location: a calendar event's SUMMARY and LOCATION (and what the
 *   person types), nullable: sessions made before have neither.
 * - import_runs: one row per import being applied in slices (import/import-run.ts). `running`
 *   until its last slice commits, then `done` while its notes are dropped, then removed: a
 *   finished import leaves no trace here. A run still `running` at the next unlock was cut off
 *   (a crash, a quit) and is undone from import_run_undo.
 * - import_run_undo: what a running import changed, in order: the key of each row it inserted,
 *   and the previous values of each row it updated or deleted (JSON), so undoing it restores
 *   the vault exactly.
 * - the sessions' search triggers index the title as the title and the place with the body
 *   (sessions made before have neither, so nothing needs indexing again).
 */
export const sessionTitleLocationImportRuns: Migration = {
  version: 100,
  name: 'session-title-location-import-runs',
  up(db) {
    db.exec(`
ALTER TABLE sessions ADD COLUMN title TEXT;
ALTER TABLE sessions ADD COLUMN location TEXT;
CREATE TABLE import_runs (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('running', 'done')),
  started_at INTEGER NOT NULL
);
CREATE TABLE import_run_undo (
  seq INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('inserted', 'updated', 'deleted')),
  previous TEXT
);
CREATE INDEX import_run_undo_by_run ON import_run_undo (run_id, seq);
${dropSearchTriggers(sessionsWithTitle)}
${searchTriggersFor(sessionsWithTitle)}
`)
  },
}
