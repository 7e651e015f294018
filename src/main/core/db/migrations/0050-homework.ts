import type { Migration } from './index'

/**
 * 0050: the work between sessions.
 *
 * - thought_records: the seven columns of a CBT thought record. Emotions and thoughts are short
 *   JSON lists (name and intensity; text, belief, hot thought and thinking traps).
 * - diary_card_days: one DBT diary card row per calendar day (YYYY-MM-DD in the zone it was
 *   written in); `at` is the start of that day, for the timeline. diary_card_weeks holds the
 *   weeks marked "bring to session" (by their first day).
 * - check_ins: PHQ-9 / GAD-7 answers with the published total, stored so the trend needs no
 *   rescoring.
 * - reflection_templates: the person's own templates (the built-in ones are part of the app).
 * - homework_settings: one JSON row: the diary card's rows and the check-in cadence.
 *
 * Every text the person writes is indexed for search by the same triggers as 0010.
 */
const QUESTIONNAIRES = `'phq9', 'gad7'`

const tables = `
CREATE TABLE thought_records (
  id TEXT PRIMARY KEY,
  happened_at INTEGER NOT NULL,
  situation TEXT NOT NULL DEFAULT '',
  emotions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(emotions)),
  thoughts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(thoughts)),
  evidence_for TEXT NOT NULL DEFAULT '',
  evidence_against TEXT NOT NULL DEFAULT '',
  balanced_thought TEXT NOT NULL DEFAULT '',
  balanced_belief INTEGER CHECK (balanced_belief BETWEEN 0 AND 100),
  bring_to_session INTEGER NOT NULL DEFAULT 0 CHECK (bring_to_session IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX thought_records_by_time ON thought_records (happened_at, id);

CREATE TABLE diary_card_days (
  id TEXT PRIMARY KEY,
  day TEXT NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  at INTEGER NOT NULL,
  time_zone TEXT NOT NULL,
  emotions TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(emotions)),
  urges TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(urges)),
  behaviours TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(behaviours)),
  skills TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX diary_card_days_by_time ON diary_card_days (at, id);

CREATE TABLE diary_card_weeks (
  week_start TEXT PRIMARY KEY CHECK (week_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  marked_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE check_ins (
  id TEXT PRIMARY KEY,
  questionnaire TEXT NOT NULL CHECK (questionnaire IN (${QUESTIONNAIRES})),
  answers TEXT NOT NULL CHECK (json_valid(answers)),
  score INTEGER NOT NULL CHECK (score >= 0),
  taken_at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX check_ins_by_time ON check_ins (taken_at, id);
CREATE INDEX check_ins_by_questionnaire ON check_ins (questionnaire, taken_at);

CREATE TABLE reflection_templates (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE homework_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  updated_at INTEGER NOT NULL
);
`

interface Indexed {
  table: string
  kind: string
  at: string
  body: string
  columns: string[]
}

const listText = (column: string, key: string) =>
  `coalesce((SELECT group_concat(value ->> '${key}', char(10)) FROM json_each(NEW.${column})), '')`
const lines = (...parts: string[]) => parts.join(' || char(10) || ')

// Frozen with this migration, like 0010's list: a later change needs a new migration.
const INDEXED: Indexed[] = [
  {
    table: 'thought_records',
    kind: 'thought_record',
    at: 'happened_at',
    body: lines('NEW.situation', listText('emotions', 'name'), listText('thoughts', 'text'), 'NEW.evidence_for', 'NEW.evidence_against', 'NEW.balanced_thought'),
    columns: ['situation', 'emotions', 'thoughts', 'evidence_for', 'evidence_against', 'balanced_thought', 'happened_at'],
  },
  { table: 'diary_card_days', kind: 'diary_day', at: 'at', body: 'NEW.note', columns: ['note', 'at'] },
  { table: 'check_ins', kind: 'check_in', at: 'taken_at', body: 'NEW.note', columns: ['note', 'taken_at'] },
]

const docRowid = (ref: string) => `(SELECT rowid FROM search_docs WHERE ref_id = ${ref})`

/** The 0010 trigger pattern: search_docs maps the row to its FTS rowid; the index holds the text. */
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

export const homework: Migration = {
  version: 50,
  name: 'homework',
  up(db) {
    db.exec(tables)
    for (const indexed of INDEXED) db.exec(triggersFor(indexed))
  },
}
