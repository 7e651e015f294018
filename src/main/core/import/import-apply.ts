/**
 * Writing a plan as an import run (import-run.ts): in short transactions, so the person's own
 * saves never wait long for the write lock, and still all or nothing: a failure undoes what the
 * run wrote before it is rethrown; a cancel or crash leaves a running run that the caller (or the
 * next unlock) undoes. It takes only a database handle and the plan, so a worker with its own
 * connection runs it.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { absencesTable } from '../absences/absences.repo'
import { CoreError } from '../errors'
import { newId } from '../ids'
import { reflectionsTable, setTags } from '../reflections/reflections.repo'
import { sessionsTable } from '../sessions/sessions.repo'
import { importBetweenExport } from './between-json'
import { emptyCounts, type ImportCounts } from './import-counts'
import { ImportError } from './import-error'
import type { ImportPlan, PlannedWrite } from './import-plan'
import { beginRun, finishRun, pauseBetweenSlices, SLICE_MS, stopNoting, undoRun } from './import-run'
import * as repo from './import.repo'

/** After each committed slice: how many of the plan's writes are in. */
export type OnApplied = (done: number, total: number) => void

function applyWrite(db: Database.Database, write: PlannedWrite, now: number, counts: ImportCounts): void {
  switch (write.op) {
    case 'createSession': {
      const id = newId(now)
      repo.insertEntity(db, sessionsTable, { ...write.session, id, moodBefore: null, moodAfter: null, takeaways: '', homework: [], createdAt: now, updatedAt: now })
      repo.linkSource(db, { source: 'ics', externalKey: write.key, sessionId: id, writtenDigest: write.digest, importedAt: now })
      counts.created.sessions++
      return
    }
    case 'updateSession':
      repo.updateImportedSession(db, write.sessionId, write.session, now)
      repo.setWrittenDigest(db, 'ics', write.key, write.digest)
      counts.updated++
      return
    case 'createAbsence': {
      const id = newId(now)
      repo.insertEntity(db, absencesTable, { id, therapistId: write.therapistId, startsAt: write.startsAt, endsAt: write.endsAt, coveringName: '', coveringContact: '', note: write.note, createdAt: now, updatedAt: now })
      repo.linkSource(db, { source: 'ics', externalKey: write.key, absenceId: id, importedAt: now })
      counts.created.absences++
      return
    }
    case 'createReflection': {
      const id = newId(write.createdAt)
      repo.insertEntity(db, reflectionsTable, { id, body: write.body, mood: write.mood, sessionId: null, bringToSession: false, createdAt: write.createdAt, updatedAt: write.updatedAt })
      setTags(db, id, write.tags, now)
      repo.linkSource(db, { source: write.source, externalKey: write.key, reflectionId: id, timeZone: write.timeZone, importedAt: now })
      counts.created.reflections++
      return
    }
    case 'betweenJson': {
      // One document, one write: a Between export is applied in a single transaction.
      const result = importBetweenExport(db, write.document, now)
      for (const name of Object.keys(counts.created) as Array<keyof ImportCounts['created']>) counts.created[name] += result.created[name]
      counts.skipped += result.skipped
    }
  }
}

/** A constraint the checks did not foresee is still the file's fault. */
function asImportError(error: unknown): unknown {
  if (error instanceof CoreError && !(error instanceof ImportError) && (error.code === 'INVALID_INPUT' || error.code === 'CONFLICT')) return new ImportError('invalid_field')
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return new ImportError('invalid_field')
  return error
}

export function applyPlan(db: Database.Database, runId: string, plan: ImportPlan, now: number, onApplied: OnApplied = () => undefined): ImportCounts {
  const total = plan.writes.length
  const counts = emptyCounts()
  counts.skipped = plan.skipped
  beginRun(db, runId, now)
  // A slice lost to a power cut is as safe as one never written (the run stays `running` and is
  // undone), so slices need not wait for the disk; the mark that the run is done does (FULL).
  db.pragma('synchronous = NORMAL')
  try {
    let done = 0
    onApplied(done, total)
    const slice = db.transaction(() => {
      const started = performance.now()
      do applyWrite(db, plan.writes[done++] as PlannedWrite, now, counts)
      while (done < total && performance.now() - started < SLICE_MS)
    })
    while (done < total) {
      slice.immediate()
      onApplied(done, total)
      if (done < total) pauseBetweenSlices()
    }
    db.pragma('synchronous = FULL')
    finishRun(db, runId)
    return counts
  } catch (error) {
    db.pragma('synchronous = FULL')
    stopNoting(db)
    undoRun(db, runId)
    throw asImportError(error)
  }
}
