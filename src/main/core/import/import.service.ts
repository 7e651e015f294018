import type Database from 'better-sqlite3-multiple-ciphers'
import type { z } from 'zod'
import type { calendarImportInput, ImportResult } from '../../../shared/ipc/schemas/import'
import { CoreError } from '../errors'
import { newId } from '../ids'
import type { FileDialogs, OpenKind } from '../ports'
import { reflectionsTable, setTags } from '../reflections/reflections.repo'
import { writeTransaction, type ServiceContext } from '../records/entity.service'
import { sessionsTable } from '../sessions/sessions.repo'
import { importBetweenExport, parseBetweenExport } from './between-json'
import { parseCalendar } from './calendar'
import { parseDayOne } from './day-one'
import { emptyCounts, type ImportCounts } from './import-counts'
import { ImportError, MAX_IMPORT_BYTES } from './import-error'
import * as repo from './import.repo'
import { parseJsonWithLocation, readImportText } from './read-import-file'

const ALL_TABLES = ['therapists', 'sessions', 'reflections', 'tags', 'drafts', 'talking_points', 'contacts', 'absences', 'rules', 'rule_versions', 'crisis_plan', 'reminders']

export interface ImportOptions {
  /** Tests lower it to exercise the limit without writing 50 MB. */
  maxBytes?: number
}

export function createImportService(ctx: ServiceContext, dialogs: FileDialogs, options: ImportOptions = {}) {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES

  /**
   * Asks for the file, reads and checks it completely, then writes in ONE transaction: any
   * problem, at any item, leaves the vault exactly as it was.
   */
  const run = async <T>(kind: OpenKind, parse: (text: string) => T, write: (db: Database.Database, parsed: T, now: number) => ImportCounts): Promise<ImportResult> => {
    ctx.db() // VAULT_LOCKED before any dialog
    const path = await dialogs.chooseOpenPath(kind)
    if (path === null) return { status: 'cancelled' }
    const parsed = parse(readImportText(path, maxBytes))
    const db = ctx.db()
    const now = ctx.clock.now()
    let counts: ImportCounts
    try {
      counts = writeTransaction(db, () => write(db, parsed, now))
    } catch (error) {
      // A constraint the checks above did not foresee: still the file's fault, still nothing changed.
      if (error instanceof CoreError && (error.code === 'INVALID_INPUT' || error.code === 'CONFLICT')) throw new ImportError('invalid_field')
      throw error
    }
    ctx.events.emit('data.changed', { tables: ALL_TABLES })
    return { status: 'imported', ...counts }
  }

  return {
    betweenJson: () => run('between-json', (text) => parseBetweenExport(parseJsonWithLocation(text)), importBetweenExport),

    dayOne: () =>
      run(
        'day-one-json',
        (text) => parseDayOne(parseJsonWithLocation(text)),
        (db, parsed, now) => {
          const counts = emptyCounts()
          counts.skipped += parsed.empty
          for (const entry of parsed.entries) {
            if (repo.findSource(db, 'day_one', entry.uuid)) {
              counts.skipped++
              continue
            }
            const id = newId(entry.createdAt)
            repo.insertEntity(db, reflectionsTable, {
              id,
              body: entry.body,
              mood: null,
              sessionId: null,
              bringToSession: false,
              createdAt: entry.createdAt,
              updatedAt: entry.updatedAt,
            })
            setTags(db, id, entry.tags, now)
            repo.insertSource(db, { source: 'day_one', externalKey: entry.uuid, sessionId: null, reflectionId: id, timeZone: entry.timeZone, importedAt: now })
            counts.created.reflections++
          }
          return counts
        },
      ),

    calendar: (input: z.output<typeof calendarImportInput>) =>
      run(
        'calendar',
        (text) => parseCalendar(text, { now: ctx.clock.now(), horizonDays: input.horizonDays, defaultZone: input.timeZone }),
        (db, parsed, now) => {
          const counts = emptyCounts()
          counts.skipped += parsed.skipped
          if (input.therapistId !== null && !repo.exists(db, 'therapists', input.therapistId)) throw new CoreError('NOT_FOUND')
          for (const occurrence of parsed.occurrences) {
            const link = repo.findSource(db, 'ics', occurrence.key)
            if (!link) {
              if (occurrence.cancelled) {
                counts.skipped++
                continue
              }
              const id = newId(now)
              repo.insertEntity(db, sessionsTable, {
                id,
                therapistId: input.therapistId,
                startsAt: occurrence.startsAt,
                timeZone: occurrence.timeZone,
                durationMinutes: occurrence.durationMinutes,
                format: input.format ?? occurrence.format,
                status: 'scheduled',
                notes: '',
                moodBefore: null,
                moodAfter: null,
                takeaways: '',
                homework: [],
                createdAt: now,
                updatedAt: now,
              })
              repo.insertSource(db, { source: 'ics', externalKey: occurrence.key, sessionId: id, reflectionId: null, timeZone: null, importedAt: now })
              counts.created.sessions++
              continue
            }
            // Deleted by the person since the last import: it stays deleted.
            const current = link.sessionId === null ? undefined : repo.sessionTiming(db, link.sessionId)
            if (!current || link.sessionId === null || current.status !== 'scheduled') {
              counts.skipped++
              continue
            }
            const next = {
              startsAt: occurrence.startsAt,
              durationMinutes: occurrence.durationMinutes,
              timeZone: occurrence.timeZone,
              status: occurrence.cancelled ? 'cancelled' : 'scheduled',
            }
            if (
              next.startsAt === current.startsAt &&
              next.durationMinutes === current.durationMinutes &&
              next.timeZone === current.timeZone &&
              next.status === current.status
            ) {
              counts.skipped++
              continue
            }
            repo.updateSessionTiming(db, link.sessionId, next, now)
            counts.updated++
          }
          return counts
        },
      ),
  }
}

export type ImportService = ReturnType<typeof createImportService>
