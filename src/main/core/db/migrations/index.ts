import type Database from 'better-sqlite3-multiple-ciphers'
import { initialSchema } from './0010-initial-schema'
import { importSourcesAndReminders } from './0020-import-sources-and-reminders'
import { searchPrefixIndex } from './0030-search-prefix-index'
import { importSourcesDaylioAbsences } from './0040-import-sources-daylio-absences'
import { homework } from './0050-homework'
import { sync } from './0060-sync'
import { searchByDate } from './0070-search-by-date'
import { therapistPronouns } from './0080-therapist-pronouns'
import { searchTitleAndDateRowids } from './0090-search-title-and-date-rowids'
import { sessionTitleLocationImportRuns } from './0100-session-title-location-import-runs'
import { pendingExports } from './0110-pending-exports'
import { starterAnswers } from './0120-starter-answers'
import { syncCompaction } from './0130-sync-compaction'
import { syncTextBase } from './0140-sync-text-base'
import { syncJoinBase } from './0150-sync-join-base'

/** A long migration's own progress: `done` of `total` rows (reported between statements, not within one). */
export type MigrationProgress = (done: number, total: number) => void

export interface Migration {
  /** Steps of ten, so a fix can slot in between. */
  version: number
  name: string
  up(db: Database.Database, progress?: MigrationProgress): void
}

/** Every migration, in order. Append only; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  initialSchema,
  importSourcesAndReminders,
  searchPrefixIndex,
  importSourcesDaylioAbsences,
  homework,
  sync,
  searchByDate,
  therapistPronouns,
  searchTitleAndDateRowids,
  sessionTitleLocationImportRuns,
  pendingExports,
  starterAnswers,
  syncCompaction,
  syncTextBase,
  syncJoinBase,
]
