import { migrate } from './db/migrate'
import { createAbsencesService } from './absences/absences.service'
import { createContactCheckService } from './contact-check/contact-check.service'
import { createContactsService } from './contacts/contacts.service'
import { createCrisisPlanService } from './crisis-plan/crisis-plan.service'
import { createDraftsService } from './drafts/drafts.service'
import { createExportService, noPdfRenderer } from './export/export.service'
import { createImportService, type ImportOptions } from './import/import.service'
import { createRemindersService } from './reminders/reminders.service'
import { backupFolderFromPrefs, memoryBackupFolder } from './backup/backup-folder'
import { createBackupService } from './backup/backup.service'
import type { BackupFolderSetting } from './ports'
import { silentEvents, silentLogger, systemClock, type Clock, type EventSink, type KdfCost, type Logger } from './ports'
import { noDialogs, type FileDialogs, type PdfRenderer } from './ports'
import type { ServiceContext } from './records/entity.service'
import { createReflectionsService } from './reflections/reflections.service'
import { createRulesService } from './rules/rules.service'
import { createSearchService } from './search/search.service'
import { createSessionPrepService } from './session-prep/session-prep.service'
import { createSessionsService } from './sessions/sessions.service'
import { createAppShell, type AppShellOptions } from './shell/app-shell'
import { createTalkingPointsService } from './talking-points/talking-points.service'
import { createTherapistsService } from './therapists/therapists.service'
import { createTimelineService } from './timeline/timeline.service'
import { createVaultService } from './vault/vault.service'
import { createJournalService } from './journal/journal.service'
import { createTagsService } from './tags/tags.service'
import { createHomeworkServices } from './homework/homework.services'
import { createDiaryPrintService } from './homework/diary-print.service'

export interface CoreOptions extends AppShellOptions {
  /** The vault folder: database and header. */
  dataDir: string
  clock?: Clock
  events?: EventSink
  logger?: Logger
  /** Tests pass a cheap Argon2id cost; the app calibrates at creation. */
  kdfCost?: KdfCost
  /** Full page check at unlock up to this size (tests lower it to exercise the large-vault path). */
  fullCheckUpToBytes?: number
  /** OS file dialogs: the only way exports, imports and backups learn a path. */
  dialogs?: FileDialogs
  /** HTML -> PDF for the report export (Electron: printToPDF). */
  pdfRenderer?: PdfRenderer
  /** Tests lower the import size limit. */
  importOptions?: ImportOptions
  /** Where automatic backups go; by default the backupFolder preference. */
  backupFolder?: BackupFolderSetting
  /** Automatic backups kept (default 14). */
  backupKeep?: number
}

/** 'restore': the vault closes only to be swapped for a backup, and opens again in the same call. */
export type LockReason = 'idle' | 'manual' | 'suspend' | 'screen-lock' | 'quit' | 'restore'

/** The one entry the app and the tests use: every service over one vault. */
export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock
  const events = options.events ?? silentEvents
  const logger = options.logger ?? silentLogger
  const vault = createVaultService({
    dataDir: options.dataDir,
    clock,
    logger,
    ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}),
    ...(options.fullCheckUpToBytes === undefined ? {} : { fullCheckUpToBytes: options.fullCheckUpToBytes }),
    onOpen: (db) => {
      backups.beforeMigration(db)
      migrate(db)
    },
    onBeforeRotate: (db) => backups.beforeKeyRotation(db),
  })
  const ctx: ServiceContext = { db: () => vault.db(), checkpoint: () => vault.checkpoint(), clock, events }

  const lock = (reason: LockReason): void => {
    if (vault.status() !== 'unlocked') return
    vault.lock()
    events.emit('vault.locked', { reason })
  }
  const backups = createBackupService({
    ctx,
    vault,
    lock,
    dialogs: options.dialogs ?? noDialogs,
    folder: options.backupFolder ?? (options.prefs ? backupFolderFromPrefs(options.prefs) : memoryBackupFolder()),
    logger,
    ...(options.backupKeep ? { keep: options.backupKeep } : {}),
  })

  const records = createRecordServices(ctx)

  return {
    clock,
    events,
    logger,
    vault,
    lock,
    ...records,
    // prefs, shell (the app shell's port) and links (vetting of external links).
    ...createAppShell(options, { vault, therapists: records.therapists, crisisPlan: records.crisisPlan }),
    exports: createExportService(ctx, { dialogs: options.dialogs ?? noDialogs, pdf: options.pdfRenderer ?? noPdfRenderer, logger }),
    imports: createImportService(ctx, options.dialogs ?? noDialogs, options.importOptions),
    reminders: createRemindersService(ctx),
    diaryPrint: createDiaryPrintService(ctx, { dialogs: options.dialogs ?? noDialogs, pdf: options.pdfRenderer ?? noPdfRenderer, logger }),
    backups,
    sessionPrep: createSessionPrepService(ctx, { dialogs: options.dialogs ?? noDialogs, pdf: options.pdfRenderer ?? noPdfRenderer, logger, checkIns: records.checkIns }),
    close(): void {
      lock('quit')
    },
  }
}

export type Core = ReturnType<typeof createCore>

/**
 * The services over the person's records, given any open database. The core wires them to the
 * vault; the benchmark wires them to an unencrypted copy of the same schema to measure the cost
 * of encryption.
 */
export function createRecordServices(ctx: ServiceContext) {
  const therapists = createTherapistsService(ctx)
  const rules = createRulesService(ctx)
  const crisisPlan = createCrisisPlanService(ctx)
  const sessions = createSessionsService(ctx)
  const reflections = createReflectionsService(ctx)
  return {
    therapists,
    sessions,
    reflections,
    tags: createTagsService(ctx),
    journal: createJournalService(ctx, { sessions, reflections }),
    talkingPoints: createTalkingPointsService(ctx),
    contacts: createContactsService(ctx),
    drafts: createDraftsService(ctx),
    absences: createAbsencesService(ctx),
    crisisPlan,
    rules,
    contactCheck: createContactCheckService(ctx, { therapists, rules, crisisPlan }),
    search: createSearchService(ctx),
    timeline: createTimelineService(ctx),
    ...createHomeworkServices(ctx),
  }
}
