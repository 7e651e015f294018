import type { Migration } from './index'

/**
 * 0090: search with a title column, and index rowids that follow the date each entry is about.
 *
 * - The index has two columns, `body` then `title`, so best match can weigh a title above the
 *   body. The body comes first: FTS5 stores a column number with every
 *   match outside column 0, so the larger column costs nothing extra.
 * - What is a title, per kind: a reflection's first line when more lines follow (what imports
 *   and the timeline show as its title); a talking point's text (it is one line); a thought
 *   record's situation and its hot thought. Sessions, contacts, drafts, diary days and
 *   check-ins have no title yet: their text is body only.
 * - The rowid of an entry (search_docs and the index alike) is its day (UTC, by search_docs.at)
 *   times SLOTS plus a slot within that day. Reading a word's matches by rowid from the top is
 *   then reading them newest day first, which FTS5 does without collecting every match; within
 *   a day the search sorts by `at` itself. Rows move when their date moves to another day.
 *   FTS5 stores the gap between neighbouring rowids in every posting, so gaps of a day cost a
 *   byte or two more per posting than dense rowids (4% on the bench's 200,000 entries).
 * - search_terms (fts5vocab) lists the indexed words, so a typed prefix longer than the prefix
 *   indexes can be spelled out as the few words it stands for.
 *
 * Everything is rebuilt from the entries' own tables, so search_docs and the index agree with
 * them afterwards whatever state they were in.
 */

/**
 * Slots per day: the most entries one day can hold in the index (a bulk insert of tens of
 * thousands on one day must fit; the rowid gap between days costs a byte more per posting).
 */
const SLOTS = 2 ** 20
const DAY = 86_400_000
/** The range of `at` the day number is taken over (years 1–9999); dates outside share its ends. */
const FIRST_AT = -62_135_596_800_000
const LAST_AT = 253_402_300_799_999

/** The first rowid of the day of `at` (an SQL expression over it). */
const dayBase = (at: string) => `((CAST(max(min(${at}, ${LAST_AT}), ${FIRST_AT}) AS INTEGER) - (${FIRST_AT})) / ${DAY} * ${SLOTS})`

/**
 * A free rowid in the day of `at`: after the last one used that day, else before the first.
 * A day with every slot taken refuses the write, with a message naming no content.
 */
const freeRowid = (at: string) => `(
  SELECT CASE
    WHEN hi IS NULL THEN b
    WHEN hi < b + ${SLOTS - 1} THEN hi + 1
    WHEN lo > b THEN lo - 1
    ELSE RAISE(ABORT, 'search index: no free slot for this day')
  END
  FROM (SELECT k.b AS b,
               (SELECT max(rowid) FROM search_docs WHERE rowid BETWEEN k.b AND k.b + ${SLOTS - 1}) AS hi,
               (SELECT min(rowid) FROM search_docs WHERE rowid BETWEEN k.b AND k.b + ${SLOTS - 1}) AS lo
          FROM (SELECT ${dayBase(at)} AS b) AS k))`

export interface SearchIndexed {
  table: string
  kind: string
  /** The column with the date the entry is about. */
  at: string
  /** SQL expressions over a row alias (NEW in triggers) for the two columns. */
  body: (row: string) => string
  title: (row: string) => string
  /** Columns whose change re-indexes the row (its date included). */
  columns: string[]
}

const lines = (...parts: string[]) => parts.join(' || char(10) || ')
const listText = (row: string, column: string, key: string, where = '1') =>
  `coalesce((SELECT group_concat(value ->> '${key}', char(10)) FROM json_each(${row}.${column}) WHERE ${where}), '')`
const newline = (text: string) => `instr(${text}, char(10))`
const none = () => `''`

// Frozen with this migration: a later change needs a new migration.
export const SEARCH_INDEXED: readonly SearchIndexed[] = [
  {
    table: 'reflections',
    kind: 'reflection',
    at: 'created_at',
    title: (r) => `CASE WHEN ${newline(`${r}.body`)} > 0 THEN substr(${r}.body, 1, ${newline(`${r}.body`)} - 1) ELSE '' END`,
    body: (r) => `CASE WHEN ${newline(`${r}.body`)} > 0 THEN substr(${r}.body, ${newline(`${r}.body`)} + 1) ELSE ${r}.body END`,
    columns: ['body', 'created_at'],
  },
  {
    table: 'sessions',
    kind: 'session',
    at: 'starts_at',
    title: none,
    body: (r) => lines(`${r}.notes`, `${r}.takeaways`, listText(r, 'homework', 'text')),
    columns: ['notes', 'takeaways', 'homework', 'starts_at'],
  },
  { table: 'talking_points', kind: 'talking_point', at: 'created_at', title: (r) => `${r}.text`, body: none, columns: ['text', 'created_at'] },
  { table: 'contacts', kind: 'contact', at: 'at', title: none, body: (r) => `${r}.summary`, columns: ['summary', 'at'] },
  { table: 'drafts', kind: 'draft', at: 'created_at', title: none, body: (r) => `${r}.body`, columns: ['body', 'created_at'] },
  {
    table: 'thought_records',
    kind: 'thought_record',
    at: 'happened_at',
    title: (r) => lines(`${r}.situation`, listText(r, 'thoughts', 'text', `value ->> 'hot'`)),
    body: (r) =>
      lines(
        listText(r, 'emotions', 'name'),
        listText(r, 'thoughts', 'text', `NOT coalesce(value ->> 'hot', 0)`),
        `${r}.evidence_for`,
        `${r}.evidence_against`,
        `${r}.balanced_thought`,
      ),
    columns: ['situation', 'emotions', 'thoughts', 'evidence_for', 'evidence_against', 'balanced_thought', 'happened_at'],
  },
  { table: 'diary_card_days', kind: 'diary_day', at: 'at', title: none, body: (r) => `${r}.note`, columns: ['note', 'at'] },
  { table: 'check_ins', kind: 'check_in', at: 'taken_at', title: none, body: (r) => `${r}.note`, columns: ['note', 'taken_at'] },
]

const docRowid = (ref: string) => `(SELECT rowid FROM search_docs WHERE ref_id = ${ref})`

/** The three triggers that keep one table's rows in search_docs and the index (a later migration that gives a kind a title drops and recreates them with this). */
export const searchTriggersFor = ({ table, kind, at, body, title, columns }: SearchIndexed): string => `
CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
  INSERT INTO search_docs (rowid, kind, ref_id, at) VALUES (${freeRowid(`NEW.${at}`)}, '${kind}', NEW.id, NEW.${at});
  INSERT INTO search_index (rowid, body, title) VALUES (${docRowid('NEW.id')}, ${body('NEW')}, ${title('NEW')});
END;
CREATE TRIGGER ${table}_search_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN
  DELETE FROM search_index WHERE rowid = ${docRowid('NEW.id')};
  UPDATE search_docs
     SET rowid = CASE WHEN ${dayBase('at')} = ${dayBase(`NEW.${at}`)} THEN rowid ELSE ${freeRowid(`NEW.${at}`)} END, at = NEW.${at}
   WHERE ref_id = NEW.id;
  INSERT INTO search_index (rowid, body, title) VALUES (${docRowid('NEW.id')}, ${body('NEW')}, ${title('NEW')});
END;
CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
  DELETE FROM search_index WHERE rowid = ${docRowid('OLD.id')};
  DELETE FROM search_docs WHERE ref_id = OLD.id;
END;
`

export const dropSearchTriggers = ({ table }: SearchIndexed): string =>
  ['insert', 'update', 'delete'].map((event) => `DROP TRIGGER IF EXISTS ${table}_search_${event};`).join('\n')

/**
 * Every entry's new rowid: its day's first rowid plus its place in that day (by date), and never
 * below the rowid before it plus one, so even a day with more entries than SLOTS gets rowids in
 * date order (spilling into the next day's) instead of failing the migration.
 */
const renumbered = `
WITH entries AS (
  ${SEARCH_INDEXED.map(({ table, kind, at }) => `SELECT '${kind}' AS kind, id AS ref_id, ${at} AS at FROM ${table}`).join('\n  UNION ALL ')}
), placed AS (
  SELECT kind, ref_id, at, ${dayBase('at')} + row_number() OVER (PARTITION BY ${dayBase('at')} ORDER BY at, ref_id) - 1 AS wanted,
         row_number() OVER (ORDER BY at, ref_id) AS n
    FROM entries
)
INSERT INTO search_docs_next (rowid, kind, ref_id, at)
SELECT n + max(wanted - n) OVER (ORDER BY n ROWS UNBOUNDED PRECEDING), kind, ref_id, at FROM placed ORDER BY n`

const refill = ({ table, body, title }: SearchIndexed): string => `
INSERT INTO search_index (rowid, body, title)
SELECT d.rowid, ${body('t')}, ${title('t')} FROM ${table} AS t JOIN search_docs AS d ON d.ref_id = t.id ORDER BY d.rowid;`

export const searchTitleAndDateRowids: Migration = {
  version: 90,
  name: 'search-title-and-date-rowids',
  up(db, progress) {
    db.exec(SEARCH_INDEXED.map(dropSearchTriggers).join('\n'))
    db.exec(`
      CREATE TABLE search_docs_next (rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref_id TEXT NOT NULL UNIQUE, at INTEGER NOT NULL);
      ${renumbered};
      DROP TABLE search_docs;
      ALTER TABLE search_docs_next RENAME TO search_docs;
      DROP TABLE search_index;
      CREATE VIRTUAL TABLE search_index USING fts5 (body, title, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4');
      INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
      CREATE VIRTUAL TABLE search_terms USING fts5vocab (search_index, 'row');
    `)
    // Filled with a 64 MB in-memory buffer instead of 1 MB: fewer segments written and merged,
    // half the time at 200,000 entries. Back to the default for everyday writes.
    db.exec(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${64 * 2 ** 20})`)
    // Progress by table: each refill is one statement (reflections, the bulk, come first).
    const rows = SEARCH_INDEXED.map(({ table }) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number)
    const total = rows.reduce((sum, n) => sum + n, 0)
    let done = 0
    progress?.(done, total)
    SEARCH_INDEXED.forEach((indexed, index) => {
      db.exec(refill(indexed))
      done += rows[index] ?? 0
      progress?.(done, total)
    })
    db.exec(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${2 ** 20})`)
    for (const indexed of SEARCH_INDEXED) db.exec(searchTriggersFor(indexed))
  },
}

/** For the search queries: rowids of one day lie in [day * SEARCH_DAY_SLOTS, (day + 1) * SEARCH_DAY_SLOTS). */
export const SEARCH_DAY_SLOTS = SLOTS
export const searchDayBase = dayBase
