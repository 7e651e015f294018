/**
 * Writing a plan: all of it in one transaction, or nothing. It reports progress and checks
 * the AbortSignal between writes; an abort (or any failure) rolls everything back. It takes
 * only a database handle and the plan, so a worker with its own connection can run it.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { absencesTable } from '../absences/absences.repo'
import { CoreError } from '../errors'
import { newId } from '../ids'
import { reflectionsTable, setTags } from '../reflections/reflections.repo'
import { writeTransaction } from '../records/entity.service'
import { sessionsTable } from '../sessions/sessions.repo'
import { importBetweenExport } from './between-json'
import { emptyCounts, type ImportCounts } from './import-counts'
import { ImportError } from './import-error'
import type { ImportPlan, PlannedWrite } from './import-plan'
import * as repo from './import.repo'

export interface ApplyProgress {
  done: number
  total: number
  phase: 'writing'
}

export interface ApplyControl {
  onProgress?: (progress: ApplyProgress) => void
  signal?: AbortSignal
}


const PROGRESS_EVERY = 250

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
      const result = importBetweenExport(db, write.document, now)
      for (const name of Object.keys(counts.created) as Array<keyof ImportCounts['created']>) counts.created[name] += result.created[name]
      counts.skipped += result.skipped
    }
  }
}

export function applyPlan(db: Database.Database, plan: ImportPlan, now: number, control: ApplyControl = {}): ImportCounts {
  const total = plan.writes.length
  try {
    return writeTransaction(db, () => {
      const counts = emptyCounts()
      counts.skipped = plan.skipped
      plan.writes.forEach((write, done) => {
        if (control.signal?.aborted) throw new ImportError('cancelled')
        if (done % PROGRESS_EVERY === 0) control.onProgress?.({ done, total, phase: 'writing' })
        applyWrite(db, write, now, counts)
      })
      control.onProgress?.({ done: total, total, phase: 'writing' })
      return counts
    })
  } catch (error) {
    // A constraint the checks did not foresee: still the file's fault, still nothing changed.
    if (error instanceof ImportError) throw error
    if (error instanceof CoreError && (error.code === 'INVALID_INPUT' || error.code === 'CONFLICT')) throw new ImportError('invalid_field')
    throw error
  }
}
