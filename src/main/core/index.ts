import { createChannelCalls } from './db/channel-call'
import { migrate } from './db/migrate'
import { createSchemaUpdate } from './db/migrate-job'
import { createAbsencesService } from './absences/absences.service'
import { createContactCheckService } from './contact-check/contact-check.service'
import { createContactsService } from './contacts/contacts.service'
import { createCrisisPlanService } from './crisis-plan/crisis-plan.service'
import { createStarterAnswersService } from './rules/starter-answers.service'
import { createDraftsService } from './drafts/drafts.service'
import { createExportService, noPdfRenderer } from './export/export.service'
import { createImportService, type ImportServiceOptions } from './import/import.service'
import { createRemindersService } from './reminders/reminders.service'
import { backupFolderFromPrefs, memoryBackupFolder } from './backup/backup-folder'
import { createBackupService } from './backup/backup.service'
import { removeLeftovers } from './backup/leftovers'
import { createPendingPartials, removeStrandedPartials } from './export/pending-partials'
import { createJobRunner } from './jobs/job-runner'
import { createThreadJobs } from './jobs/thread-jobs'
import { transferableKey } from './jobs/job-protocol'
import type { Jobs } from './ports'
import type { BackupFolderSetting } from './ports'
import { silentEvents, silentLogger, systemClock, type Clock, type EventSink, type KdfCost, type Logger } from './ports'
import { noDialogs, type FileDialogs, type PdfRenderer } from './ports'
import type { ServiceContext } from './records/entity.service'
import { createRepairService } from './repair/repair.service'
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
import { createPageCheck } from './vault/page-check-job'
import { oneCheckpoint, type CheckpointWhileInput } from './vault/checkpoint'
import { createJournalService } from './journal/journal.service'
import { createTagsService } from './tags/tags.service'
import { createSyncService } from './sync/sync.service'
import { noteShownInstead } from './sync/sync-rows.repo'
import { createSyncSignals, signalSaves } from './sync/sync-signals'
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
  /** …of which up to this size on the main thread, not in a worker (tests lower it to exercise the worker). */
  checkHereUpToBytes?: number
  /** OS file dialogs: the only way exports, imports and backups learn a path. */
  dialogs?: FileDialogs
  /** HTML -> PDF for the report export (Electron: printToPDF). */
  pdfRenderer?: PdfRenderer
  /** Tests lower the import size limit. */
  importOptions?: ImportServiceOptions
  /** Where automatic backups go; by default the backupFolder preference. */
  backupFolder?: BackupFolderSetting
  /** Automatic backups kept (default 14). */
  backupKeep?: number
  /** Where heavy work runs (default: a worker thread per job). */
  jobs?: Jobs
  /** This installation of the app (main: installation-id.ts); sync notices a vault copied from another by it. */
  installationId?: string
}

/** 'restore': the vault closes only to be swapped for a backup, and opens again in the same call. */
export type LockReason = 'idle' | 'manual' | 'suspend' | 'screen-lock' | 'quit' | 'restore'

/** The one entry the app and the tests use: every service over one vault. */
export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock
  const sink = options.events ?? silentEvents
  const syncSignals = createSyncSignals()
  // Saves to synced tables tell the sync scheduler; sync's own data.changed goes straight to the sink.
  const events = signalSaves(sink, syncSignals)
  const logger = options.logger ?? silentLogger
  const vault = createVaultService({
    dataDir: options.dataDir,
    clock,
    logger,
    ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}),
    ...(options.fullCheckUpToBytes === undefined ? {} : { fullCheckUpToBytes: options.fullCheckUpToBytes }),
    ...(options.checkHereUpToBytes === undefined ? {} : { checkHereUpToBytes: options.checkHereUpToBytes }),
    // The full page check at unlock, on a read-only connection in a worker (vault/page-check-job.ts).
    checkPages: (proven) => checkPages(proven),
    // Pending migrations run in a worker before the vault's connection opens (db/migrate-job.ts);
    // migrate() here then finds nothing to do (and still brings a newly created vault up).
    beforeOpen: (proven) => updateSchema(proven),
    onOpen: (db) => {
      migrate(db)
      removeStrandedPartials(db, logger) // what an export stopped by a crash left beside its target
      imports.settleRuns(db)
      syncSignals.emit('opened')
    },
    onLock: () => syncSignals.emit('closed'),
    onBeforeRotate: () => backups.beforeKeyRotation(),
    rotate: (request, growing) => jobs.run('rotate-key', request, growing),
    checkpointElsewhere: () => checkpointInWorker(oneCheckpoint()),
  })
  const channelCalls = createChannelCalls(vault)
  const ctx: ServiceContext = {
    db: () => vault.db(),
    checkpoint: () => channelCalls.checkpoint(),
    clock,
    events,
    replacedUnseen: (db, table, id, shown) => noteShownInstead(db, table, JSON.stringify([id]), shown),
  }

  const lock = (reason: LockReason): void => {
    if (vault.status() !== 'unlocked') return
    vault.lock()
    events.emit('vault.locked', { reason })
  }
  const backupFolder = options.backupFolder ?? (options.prefs ? backupFolderFromPrefs(options.prefs) : memoryBackupFolder())
  const tidy = (atStart: boolean): void => removeLeftovers({ vaultDir: vault.paths.dir, backupFolder: backupFolder.get() }, logger, atStart)
  tidy(true) // what an interrupted backup, check or restore left behind
  const jobs = createJobRunner({ jobs: options.jobs ?? createThreadJobs(), events, logger, onIdle: () => tidy(false) })
  const checkPages = createPageCheck(jobs)
  // async: a vault locked meanwhile (no key to copy) is a failed checkpointer, not a thrown call.
  const checkpointInWorker = async (input: CheckpointWhileInput) =>
    jobs.inWorker({ name: 'vault.checkpointWhile', input, database: vault.paths.database, key: transferableKey(vault.copyDataKey()) })
  const updateSchema = createSchemaUpdate({ jobs, backupBefore: (dataKey) => backups.beforeMigration(dataKey) })
  const backups = createBackupService({
    ctx,
    vault,
    lock,
    dialogs: options.dialogs ?? noDialogs,
    folder: backupFolder,
    logger,
    jobs,
    ...(options.backupKeep ? { keep: options.backupKeep } : {}),
  })

  const imports = createImportService(ctx, { dialogs: options.dialogs ?? noDialogs, jobs, vault }, options.importOptions)
  const records = createRecordServices(ctx)
  const partials = createPendingPartials(ctx, logger)
  const reminders = createRemindersService(ctx)
  const sync = createSyncService({
    ctx: { ...ctx, events: sink },
    vaultHeaderPath: vault.paths.header,
    afterApply: () => reminders.sync(),
    dialogs: options.dialogs ?? noDialogs,
    jobs,
    signals: syncSignals,
    checkpointWhile: checkpointInWorker,
    ...(options.installationId ? { installationId: options.installationId } : {}),
  })

  return {
    clock,
    events,
    logger,
    vault,
    lock,
    channelCalls,
    ...records,
    // prefs, shell (the app shell's port) and links (vetting of external links).
    ...createAppShell(options, { vault, therapists: records.therapists, crisisPlan: records.crisisPlan }),
    exports: createExportService(ctx, { dialogs: options.dialogs ?? noDialogs, pdf: options.pdfRenderer ?? noPdfRenderer, logger, jobs, vault, partials }),
    jobs,
    imports,
    reminders,
    sync,
    backups,
    repair: createRepairService(ctx.db, {
      therapists: records.therapists.get,
      sessions: records.sessions.get,
      reflections: records.reflections.get,
      talkingPoints: records.talkingPoints.get,
      contacts: records.contacts.get,
      drafts: records.drafts.get,
      absences: records.absences.get,
      rules: records.rules.get,
    }),
    diaryPrint: createDiaryPrintService(ctx, { dialogs: options.dialogs ?? noDialogs, pdf: options.pdfRenderer ?? noPdfRenderer, logger, partials }),
    sessionPrep: createSessionPrepService(ctx, { dialogs: options.dialogs ?? noDialogs, pdf: options.pdfRenderer ?? noPdfRenderer, logger, checkIns: records.checkIns, partials }),
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
    starterAnswers: createStarterAnswersService(ctx, { therapists }),
    contactCheck: createContactCheckService(ctx, { therapists, rules, crisisPlan }),
    search: createSearchService(ctx),
    timeline: createTimelineService(ctx),
    ...createHomeworkServices(ctx),
  }
}
