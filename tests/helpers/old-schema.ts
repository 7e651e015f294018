import type Database from 'better-sqlite3-multiple-ciphers'

/**
 * Takes an open vault back to schema 10, as an older Between left it: every later table, column,
 * index and trigger goes, and the rows of the tables schema 10 had stay. The next unlock then
 * runs every migration from 0020 on (0090's search rebuild among them).
 */
export function takeBackToSchema10(db: Database.Database): void {
  db.exec(`
    DROP TABLE import_sources; DROP TABLE reminder_settings; DROP INDEX reminders_by_kind_ref;
    DROP TABLE sync_settings; DROP TABLE sync_keys; DROP TABLE sync_cells; DROP TABLE sync_texts; DROP TABLE sync_history;
    DROP TABLE sync_superseded; DROP TABLE sync_outbox; DROP TABLE sync_peers; DROP TABLE sync_dirty; DROP TABLE sync_pending;
    DROP TABLE sync_applying; DROP TABLE sync_registered; DROP TABLE sync_join_base;
    DROP TABLE thought_records; DROP TABLE diary_card_days; DROP TABLE diary_card_weeks;
    DROP TABLE check_ins; DROP TABLE reflection_templates; DROP TABLE homework_settings;
    DROP INDEX IF EXISTS search_docs_by_at; DROP TABLE search_terms; DROP TABLE pending_exports;
    DROP TABLE starter_answers; DROP TABLE sync_meta; ALTER TABLE therapists DROP COLUMN pronouns;
    DROP TABLE import_run_undo; DROP TABLE import_runs; DROP TRIGGER sessions_search_insert; DROP TRIGGER sessions_search_update;
    ALTER TABLE sessions DROP COLUMN title; ALTER TABLE sessions DROP COLUMN location;
    PRAGMA user_version = 10;`)
}
