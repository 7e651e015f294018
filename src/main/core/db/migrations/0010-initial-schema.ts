import type { Migration } from './index'

const inList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ')

// Frozen copies of the vocabulary as of this migration: later changes need a new migration.
const FORMATS = inList(['in_person', 'video', 'phone'])
const SESSION_STATUSES = inList(['scheduled', 'attended', 'cancelled', 'missed'])
const TP_STATUSES = inList(['open', 'discussed', 'carried_over', 'dropped'])
const PRIORITIES = inList(['low', 'normal', 'high'])
const DIRECTIONS = inList(['sent', 'received'])
const SEVERITIES = inList(['block', 'warn', 'info'])

const tables = `
CREATE TABLE therapists (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  practice TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL,
  channels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(channels)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  therapist_id TEXT REFERENCES therapists(id) ON DELETE SET NULL,
  starts_at INTEGER NOT NULL,
  time_zone TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  format TEXT NOT NULL CHECK (format IN (${FORMATS})),
  status TEXT NOT NULL CHECK (status IN (${SESSION_STATUSES})),
  notes TEXT NOT NULL DEFAULT '',
  mood_before INTEGER CHECK (mood_before BETWEEN 1 AND 5),
  mood_after INTEGER CHECK (mood_after BETWEEN 1 AND 5),
  takeaways TEXT NOT NULL DEFAULT '',
  homework TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(homework)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_start ON sessions (starts_at, id);
CREATE INDEX sessions_by_therapist ON sessions (therapist_id, starts_at);

CREATE TABLE reflections (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  mood INTEGER CHECK (mood BETWEEN 1 AND 5),
  session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
  bring_to_session INTEGER NOT NULL DEFAULT 0 CHECK (bring_to_session IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX reflections_by_created ON reflections (created_at, id);
CREATE INDEX reflections_by_session ON reflections (session_id);

CREATE TABLE tags (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE reflection_tags (
  reflection_id TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
  tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (reflection_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX reflection_tags_by_tag ON reflection_tags (tag_id, reflection_id);

CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  therapist_id TEXT REFERENCES therapists(id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  purpose TEXT NOT NULL,
  channel TEXT NOT NULL,
  remind_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE talking_points (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN (${PRIORITIES})),
  position REAL NOT NULL,
  target_session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
  source_reflection_id TEXT REFERENCES reflections(id) ON DELETE SET NULL,
  source_draft_id TEXT REFERENCES drafts(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN (${TP_STATUSES})),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX talking_points_by_status ON talking_points (status, position);

CREATE TABLE rules (
  id TEXT PRIMARY KEY,
  therapist_id TEXT NOT NULL REFERENCES therapists(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  params TEXT NOT NULL CHECK (json_valid(params)),
  severity TEXT NOT NULL CHECK (severity IN (${SEVERITIES})),
  agreement_text TEXT NOT NULL DEFAULT '',
  agreed_on INTEGER,
  review_by INTEGER,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  retired_at INTEGER,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX rules_by_therapist ON rules (therapist_id);

-- Every version a rule has had, the current one included: a changed rule keeps its history.
CREATE TABLE rule_versions (
  rule_id TEXT NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  params TEXT NOT NULL CHECK (json_valid(params)),
  severity TEXT NOT NULL,
  agreement_text TEXT NOT NULL,
  agreed_on INTEGER,
  review_by INTEGER,
  active INTEGER NOT NULL,
  retired_at INTEGER,
  changed_at INTEGER NOT NULL,
  PRIMARY KEY (rule_id, version)
) WITHOUT ROWID;
CREATE INDEX rule_versions_by_time ON rule_versions (changed_at);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  therapist_id TEXT REFERENCES therapists(id) ON DELETE SET NULL,
  direction TEXT NOT NULL CHECK (direction IN (${DIRECTIONS})),
  channel TEXT NOT NULL,
  purpose TEXT NOT NULL,
  at INTEGER NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  overridden_rule_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(overridden_rule_ids)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX contacts_by_time ON contacts (at, id);

CREATE TABLE absences (
  id TEXT PRIMARY KEY,
  therapist_id TEXT NOT NULL REFERENCES therapists(id) ON DELETE CASCADE,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
  covering_name TEXT NOT NULL DEFAULT '',
  covering_contact TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX absences_by_time ON absences (therapist_id, starts_at);

-- The crisis plan is one ordered document (Stanley-Brown sections), kept whole.
CREATE TABLE crisis_plan (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  plan TEXT NOT NULL CHECK (json_valid(plan)),
  updated_at INTEGER NOT NULL
);

CREATE TABLE reminders (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  ref_id TEXT,
  due_at INTEGER NOT NULL,
  fired_at INTEGER,
  dismissed_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX reminders_by_due ON reminders (due_at) WHERE fired_at IS NULL AND dismissed_at IS NULL;
`

/*
 * Full-text search: one FTS5 table over every text the person writes. search_docs maps each
 * source row to an FTS rowid so triggers find it by key, never by scanning the index.
 */
const search = `
CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL UNIQUE,
  at INTEGER NOT NULL
);
CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
`

interface Indexed {
  table: string
  kind: string
  at: string
  /** SQL expression over NEW for the text to index. */
  body: string
  /** Columns whose change re-indexes the row. */
  columns: string[]
}

const INDEXED: Indexed[] = [
  { table: 'reflections', kind: 'reflection', at: 'created_at', body: 'NEW.body', columns: ['body'] },
  {
    table: 'sessions',
    kind: 'session',
    at: 'starts_at',
    body: `NEW.notes || char(10) || NEW.takeaways || char(10) || coalesce((SELECT group_concat(value ->> 'text', char(10)) FROM json_each(NEW.homework)), '')`,
    columns: ['notes', 'takeaways', 'homework', 'starts_at'],
  },
  { table: 'talking_points', kind: 'talking_point', at: 'created_at', body: 'NEW.text', columns: ['text'] },
  { table: 'contacts', kind: 'contact', at: 'at', body: 'NEW.summary', columns: ['summary', 'at'] },
  { table: 'drafts', kind: 'draft', at: 'created_at', body: 'NEW.body', columns: ['body'] },
]

const docRowid = (ref: string) => `(SELECT rowid FROM search_docs WHERE ref_id = ${ref})`

const triggersFor = ({ table, kind, at, body, columns }: Indexed): string => `
CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
  INSERT INTO search_docs (kind, ref_id, at) VALUES ('${kind}', NEW.id, NEW.${at});
  INSERT INTO search_index (rowid, body) VALUES (${docRowid('NEW.id')}, ${body});
END;
CREATE TRIGGER ${table}_search_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN
  UPDATE search_docs SET at = NEW.${at} WHERE ref_id = NEW.id;
  UPDATE search_index SET body = ${body} WHERE rowid = ${docRowid('NEW.id')};
END;
CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
  DELETE FROM search_index WHERE rowid = ${docRowid('OLD.id')};
  DELETE FROM search_docs WHERE ref_id = OLD.id;
END;
`

export const initialSchema: Migration = {
  version: 10,
  name: 'initial-schema',
  up(db) {
    db.exec(tables)
    db.exec(search)
    for (const indexed of INDEXED) db.exec(triggersFor(indexed))
  },
}
