/**
 * An import written in short transactions and still all or nothing for the person. Each apply
 * is a run (import_runs, migration 0100): while it is `running`, temporary triggers on the
 * writing connection note in import_run_undo the key of every row it inserts and the previous
 * values of every row it updates or deletes, in order. When the last slice has committed the run
 * is marked `done`, its notes are dropped and its row goes. A run that is cancelled, fails, or is cut off by a
 * crash is undone from its notes, newest first, in slices too; derived data (the search index,
 * import-source links) follows through the tables' own triggers and foreign keys.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared } from '../db/table.repo'
import { keyColumns, SYNCED_TABLES, type SyncedTable } from '../sync/synced-tables'

/** Every table an import may write: the person's records (the sync registry) and reminders. */
const JOURNALED: readonly SyncedTable[] = [...SYNCED_TABLES, { table: 'reminders' }]
const byName = new Map(JOURNALED.map((t) => [t.table, t]))

/** How long one transaction may hold the write lock: the person's saves wait about this. */
export const SLICE_MS = 10
/**
 * The pause after each slice. SQLite's busy handler retries at growing intervals (1, 2, 5, 10,
 * 15, 20, 25 ms…), so a writer that took the lock again at once would starve the person's save;
 * with the lock free as long as it is held, a retry finds it free within a few tries.
 */
const GAP_MS = 10
const gap = new Int32Array(new SharedArrayBuffer(4))

/** Lets other connections write between two slices (a blocking wait: this runs in a worker). */
export const pauseBetweenSlices = (): void => void Atomics.wait(gap, 0, 0, GAP_MS)
const NOTES_PER_SLICE = 500

const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare(`PRAGMA main.table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name)

const keyJson = (prefix: 'NEW' | 'OLD', table: SyncedTable): string => `json_array(${keyColumns(table).map((c) => `${prefix}.${c}`).join(', ')})`

const rowJson = (db: Database.Database, table: string): string =>
  `json_object(${columnsOf(db, table).map((c) => `'${c}', OLD.${c}`).join(', ')})`

function noteChanges(db: Database.Database, runId: string): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS import_run_current (id TEXT NOT NULL)')
  prepared(db, 'DELETE FROM temp.import_run_current').run()
  prepared(db, 'INSERT INTO temp.import_run_current (id) VALUES (?)').run(runId)
  for (const table of JOURNALED) {
    const name = table.table
    const note = (action: string, key: string, previous: string) =>
      `INSERT INTO import_run_undo (run_id, tbl, row_key, action, previous) SELECT id, '${name}', ${key}, '${action}', ${previous} FROM import_run_current;`
    db.exec(`
CREATE TEMP TRIGGER import_note_${name}_insert AFTER INSERT ON main.${name} BEGIN ${note('inserted', keyJson('NEW', table), 'NULL')} END;
CREATE TEMP TRIGGER import_note_${name}_update AFTER UPDATE ON main.${name} BEGIN ${note('updated', keyJson('OLD', table), rowJson(db, name))} END;
CREATE TEMP TRIGGER import_note_${name}_delete AFTER DELETE ON main.${name} BEGIN ${note('deleted', keyJson('OLD', table), rowJson(db, name))} END;
`)
  }
}

/** Stops noting changes on this connection (before undoing, or when the run is done). */
export function stopNoting(db: Database.Database): void {
  for (const { table } of JOURNALED) {
    for (const kind of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS temp.import_note_${table}_${kind}`)
  }
  db.exec('DROP TABLE IF EXISTS temp.import_run_current')
}

/** Records a new run as running and starts noting this connection's changes under it. */
export function beginRun(db: Database.Database, runId: string, now: number): void {
  db.transaction(() => {
    prepared(db, "INSERT INTO import_runs (id, state, started_at) VALUES (?, 'running', ?)").run(runId, now)
    noteChanges(db, runId)
  }).immediate()
}

/** The run is whole: from now on nothing undoes it. Then it is forgotten, in slices. */
export function finishRun(db: Database.Database, runId: string): void {
  stopNoting(db)
  prepared(db, "UPDATE import_runs SET state = 'done' WHERE id = ?").run(runId)
  forgetRun(db, runId)
}

/** Drops a done run's notes in slices of their own (each statement is its own short transaction), then the run. */
function forgetRun(db: Database.Database, runId: string): void {
  const drop = prepared(db, 'DELETE FROM import_run_undo WHERE seq IN (SELECT seq FROM import_run_undo WHERE run_id = ? LIMIT ?)')
  let dropped: number
  do dropped = drop.run(runId, NOTES_PER_SLICE).changes
  while (dropped > 0)
  prepared(db, 'DELETE FROM import_runs WHERE id = ?').run(runId)
}

interface Note {
  seq: number
  tbl: string
  row_key: string
  action: 'inserted' | 'updated' | 'deleted'
  previous: string | null
}

function undoNote(db: Database.Database, note: Note, columnsIn: (table: string) => string[]): void {
  const table = byName.get(note.tbl)
  if (table === undefined) return
  const keys = keyColumns(table)
  const keyValues = JSON.parse(note.row_key) as unknown[]
  const where = keys.map((c) => `${c} IS ?`).join(' AND ')
  if (note.action === 'inserted') {
    prepared(db, `DELETE FROM ${table.table} WHERE ${where}`).run(...keyValues)
    return
  }
  const previous = JSON.parse(note.previous ?? '{}') as Record<string, unknown>
  const columns = Object.keys(previous).filter((c) => columnsIn(table.table).includes(c))
  const values = columns.map((c) => previous[c] ?? null)
  if (note.action === 'updated') {
    prepared(db, `UPDATE ${table.table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${where}`).run(...values, ...keyValues)
  } else {
    prepared(db, `INSERT OR IGNORE INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values)
  }
}

/**
 * Undoes one slice of a run, newest change first, in one transaction. Returns false once the run
 * is fully undone (its row gone). Each slice commits its undone changes and their notes together,
 * so undoing may itself be cut off and resumed.
 */
export function undoSlice(db: Database.Database, runId: string): boolean {
  const columns = new Map<string, string[]>()
  const columnsIn = (table: string): string[] => {
    let list = columns.get(table)
    if (list === undefined) {
      list = columnsOf(db, table)
      columns.set(table, list)
    }
    return list
  }
  return db
    .transaction(() => {
      const started = performance.now()
      const next = prepared(db, 'SELECT seq, tbl, row_key, action, previous FROM import_run_undo WHERE run_id = ? ORDER BY seq DESC LIMIT 1')
      const forget = prepared(db, 'DELETE FROM import_run_undo WHERE seq = ?')
      do {
        const note = next.get(runId) as Note | undefined
        if (note === undefined) {
          prepared(db, 'DELETE FROM import_runs WHERE id = ?').run(runId)
          return false
        }
        undoNote(db, note, columnsIn)
        forget.run(note.seq)
      } while (performance.now() - started < SLICE_MS)
      return true
    })
    .immediate()
}

/** Undoes a run completely; `onSlice` hears after each slice (progress, cancel checks). */
export function undoRun(db: Database.Database, runId: string, onSlice: (left: number) => void = () => undefined): void {
  const left = prepared(db, 'SELECT count(*) FROM import_run_undo WHERE run_id = ?').pluck()
  while (undoSlice(db, runId)) onSlice(left.get(runId) as number)
}

/**
 * At unlock: undoes runs a crash or a quit cut off, newest first, and forgets done runs whose
 * notes were still being dropped. A run a live job of this process is writing is left alone.
 */
export function settleRuns(db: Database.Database, live: ReadonlySet<string>): void {
  const runs = prepared(db, 'SELECT id, state FROM import_runs ORDER BY started_at DESC').all() as Array<{ id: string; state: 'running' | 'done' }>
  for (const run of runs) {
    if (live.has(run.id)) continue
    if (run.state === 'done') forgetRun(db, run.id)
    else undoRun(db, run.id)
  }
}

/** Total notes of a run (for the undo's progress bar). */
export const notesOf = (db: Database.Database, runId: string): number =>
  prepared(db, 'SELECT count(*) FROM import_run_undo WHERE run_id = ?').pluck().get(runId) as number
