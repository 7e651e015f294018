/**
 * Backups (docs/backups.md): "Back up now", automatic daily backups into a folder the person
 * chose (and before a schema update or a data-key change), "Test a backup", and restore.
 *
 * The heavy work runs as jobs (jobs/job-runner.ts) in a worker thread with its own connection:
 * the copy and its checks in backup-copy.ts, the check of a backup in backup-inspect.ts. Their
 * working folders live under the vault folder (never the system temp folder) and are removed
 * after each run; leftovers of an interrupted run go at the next start (leftovers.ts).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { JobOp } from '../../../shared/ipc/schemas/jobs'
import { CoreError } from '../errors'
import { transferableKey } from '../jobs/job-protocol'
import type { JobRunner } from '../jobs/job-runner'
import type { BackupFolderSetting, FileDialogs, Logger } from '../ports'
import type { ServiceContext } from '../records/entity.service'
import { fsyncDirectory, writeFileAtomicSync } from '../vault/atomic-write'
import { ioError, safeCause } from '../vault/failures'
import { DATABASE_FILE, HEADER_FILE, parseHeader, serializeHeader, type VaultHeader } from '../vault/header'
import type { VaultService } from '../vault/vault.service'
import { partialPathFor, readContainerInfo, type BackupReason } from './backup-container'
import type { CheckedFile } from './backup-files'
import type { BackupCopyInput } from './backup-copy'
import type { InspectedBackup } from './backup-inspect'
import { type EntityCounts } from './backup.repo'
import { createWorkFolder, restoringPrefix } from './leftovers'
import { unwrapBackupKey, type Unlock } from './backup-key'
import { BACKUP_NAME, backupFileName, listFolder, stampOf } from './backup-names'

export { BACKUP_NAME, backupFileName } from './backup-names'

export type { Unlock } from './backup-key'

export const DEFAULT_KEEP = 14
const RESTORED_TABLES = ['therapists', 'sessions', 'reflections', 'tags', 'drafts', 'talking_points', 'contacts', 'absences', 'rules', 'rule_versions', 'crisis_plan', 'reminders']
const DAY = 24 * 3_600_000


export type BackupSource = { name: string } | { choose: true }

export interface BackupWritten {
  name: string
  sizeBytes: number
  durationMs: number
  counts: EntityCounts
}

export interface BackupListing {
  name: string
  createdAt: number
  reason: BackupReason
  sizeBytes: number
  /** The file is complete and its checksum matches (the key is not needed to know this). */
  intact: boolean
  /** Made from this vault (same vault ID). */
  sameVault: boolean
}

export interface BackupReport {
  name: string
  createdAt: number
  reason: BackupReason
  sizeBytes: number
  schemaVersion: number
  /** Written by a newer Between: it can be tested, not restored. */
  fromNewerVersion: boolean
  sameVault: boolean
  counts: EntityCounts
  firstAt: number | null
  lastAt: number | null
  /** Rows linking to a record that no longer exists: restorable, listed in Settings → Repair. */
  danglingReferences: number
}

export interface BackupDeps {
  ctx: ServiceContext
  vault: VaultService
  /** core.lock: closes the vault and tells the renderer. */
  lock: (reason: 'restore') => void
  dialogs: FileDialogs
  folder: BackupFolderSetting
  logger: Logger
  /** Runs the heavy work in a worker, with progress and cancel. */
  jobs: JobRunner
  /** How many automatic backups to keep (default 14). */
  keep?: number
}

/**
 * The backup folder itself may be created, never its parents: a folder on a drive that is not
 * connected must fail, not quietly appear on the internal disk under the mount point.
 */
function ensureFolder(folder: string): void {
  try {
    if (!existsSync(folder)) mkdirSync(folder, { mode: 0o700 })
  } catch (error) {
    throw ioError(error)
  }
}

/** Runs fn with a new working folder under the vault folder, removed afterwards whatever happens. */
async function withWorkFolder<T>(vaultDir: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = createWorkFolder(vaultDir)
  try {
    return await fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function createBackupService(deps: BackupDeps) {
  const { ctx, vault, dialogs, logger, jobs } = deps
  const keep = deps.keep ?? DEFAULT_KEEP
  let lastAutomaticFailure: { at: number; code: string } | null = null

  const currentHeader = (): { header: VaultHeader; object: Record<string, unknown> } => {
    let text: string
    try {
      text = readFileSync(vault.paths.header, 'utf8')
    } catch (error) {
      throw ioError(error)
    }
    const header = parseHeader(text)
    return { header, object: JSON.parse(serializeHeader(header)) as Record<string, unknown> }
  }

  const uniqueTarget = (folder: string, reason: BackupReason): string => {
    const now = ctx.clock.now()
    for (let n = 1; n < 1000; n++) {
      const path = join(folder, backupFileName(now, reason, n))
      if (!existsSync(path)) return path
    }
    throw new CoreError('IO_ERROR', { cause: { code: 'EEXIST' } })
  }

  const copyInput = (reason: BackupReason, target: string, workDir: string): BackupCopyInput => ({
    workDir,
    target,
    reason,
    createdAt: ctx.clock.now(),
    vaultHeader: currentHeader().object,
    sourceBytes: vault.databaseBytes(),
  })

  const written = (target: string, started: number, output: { sizeBytes: number; counts: EntityCounts }): BackupWritten => ({
    name: basename(target),
    sizeBytes: output.sizeBytes,
    durationMs: Math.round(performance.now() - started),
    counts: output.counts,
  })

  /**
   * The backup in a worker, on its own connection; the person's saves go on meanwhile. Null:
   * cancelled. `dataKey`: a copy of the key to use (zeroed here); by default the open vault's.
   */
  const writeBackup = async (reason: BackupReason, target: string, op: JobOp, dataKey?: Buffer): Promise<BackupWritten | null> => {
    const started = performance.now()
    try {
      return await withWorkFolder(vault.paths.dir, async (workDir) => {
        const input = copyInput(reason, target, workDir)
        const key = transferableKey(dataKey ?? vault.copyDataKey())
        const growing = { path: join(workDir, DATABASE_FILE), phase: 'copying' as const, total: input.sourceBytes }
        const run = await jobs.run(op, { name: 'backup.write', input, database: vault.paths.database, key }, growing)
        if (run.status === 'cancelled') {
          rmSync(target, { force: true }) // complete but never checked: not a backup
          return null
        }
        return written(target, started, run.output)
      })
    } finally {
      rmSync(partialPathFor(target), { force: true })
    }
  }

  /** Automatic backups of the folder, newest first, and the paths to check. */
  const automaticIn = (folder: string): string[] => listFolder(folder).filter((entry) => entry.reason !== 'manual').map((entry) => join(folder, entry.name))

  /** Which files are intact, in a worker (each is read whole). A cancelled check counts none. */
  const checkFiles = async (paths: string[]): Promise<CheckedFile[]> => {
    if (paths.length === 0) return []
    const run = await jobs.run('backup-list', { name: 'backup.checkFiles', input: { paths } })
    return run.status === 'done' ? run.output : paths.map(() => ({ intact: false, createdAt: null, reason: null, vaultId: null }))
  }

  /** Keeps the newest `keep` intact automatic backups; older automatic ones go. Manual ones stay. */
  const prune = (paths: string[], checked: CheckedFile[]): void => {
    let kept = 0
    paths.forEach((path, index) => {
      if (kept < keep) {
        if (checked[index]?.intact) kept++
        return
      }
      try {
        rmSync(path, { force: true })
      } catch (error) {
        logger.warn('backup.prune_failed', safeCause(error))
      }
    })
  }

  /** Finds the file a source names: a backup in the folder by name, or one the person picks. */
  const resolveSource = async (source: BackupSource): Promise<string | null> => {
    if ('choose' in source) return dialogs.chooseOpenPath('backup')
    const folder = deps.folder.get()
    if (folder === null || !BACKUP_NAME.test(source.name)) throw new CoreError('NOT_FOUND')
    return join(folder, source.name)
  }

  /** The key that opens a backup: from the secret given, or the vault's own when it is the same key. */
  const keyFor = async (header: VaultHeader, unlock: Unlock | undefined, sameVault: boolean, current: VaultHeader | null): Promise<Buffer> => {
    if (unlock !== undefined) return unwrapBackupKey(header, unlock)
    if (vault.status() === 'unlocked' && sameVault && current?.keyGeneration === header.keyGeneration) return vault.copyDataKey()
    throw new CoreError('INVALID_INPUT', { field: 'unlock' })
  }

  /**
   * Checks a backup in a worker (a copy in a working folder) and describes it; nothing else is
   * touched, except `extractTo` (a restore's staging folder). Null: cancelled.
   */
  const inspect = async (
    path: string,
    unlock: Unlock | undefined,
    op: JobOp,
    extractTo?: string,
  ): Promise<{ report: BackupReport; headerText: string } | null> => {
    const info = readContainerInfo(path)
    let header: VaultHeader
    try {
      header = parseHeader(JSON.stringify(info.metadata.vaultHeader))
    } catch (error) {
      if (error instanceof CoreError && error.code === 'VAULT_FROM_FUTURE') throw error
      throw new CoreError('BACKUP_INVALID', { cause: { code: 'HEADER' } })
    }
    let current: VaultHeader | null
    try {
      current = vault.status() === 'none' ? null : currentHeader().header
    } catch {
      current = null
    }
    const sameVault = current !== null && current.vaultId === header.vaultId
    const key = transferableKey(await keyFor(header, unlock, sameVault, current))
    const run = await withWorkFolder(vault.paths.dir, (workDir) =>
      jobs.run(op, { name: 'backup.inspect', input: extractTo === undefined ? { path, workDir } : { path, workDir, extractTo }, key }),
    )
    if (run.status === 'cancelled') return null
    const inspected: InspectedBackup = run.output
    return { report: { ...inspected, sameVault }, headerText: serializeHeader(header) }
  }

  const automaticFailed = (reason: Exclude<BackupReason, 'manual'>, error: unknown): CoreError => {
    const code = error instanceof CoreError ? error.code : 'IO_ERROR'
    lastAutomaticFailure = { at: ctx.clock.now(), code }
    logger.warn('backup.automatic_failed', { reason, code })
    return error instanceof CoreError ? error : ioError(error)
  }

  /** An automatic backup into the folder, if one is set; prunes old automatic ones. `dataKey`: see writeBackup. */
  const automaticBackup = async (reason: Exclude<BackupReason, 'manual'>, op: JobOp, dataKey?: Buffer): Promise<BackupWritten | null> => {
    const folder = deps.folder.get()
    if (folder === null) return null
    try {
      ensureFolder(folder)
      const made = await writeBackup(reason, uniqueTarget(folder, reason), op, dataKey)
      if (made !== null) {
        const paths = automaticIn(folder)
        prune(paths, await checkFiles(paths))
      }
      lastAutomaticFailure = null
      return made
    } catch (error) {
      throw automaticFailed(reason, error)
    }
  }

  const service = {
    /** The folder automatic backups go to, or null. */
    folder: (): string | null => deps.folder.get(),

    async chooseFolder(): Promise<{ status: 'cancelled' } | { status: 'chosen'; folder: string }> {
      const folder = await dialogs.chooseFolder('backup-folder')
      if (folder === null) return { status: 'cancelled' }
      deps.folder.set(folder)
      return { status: 'chosen', folder }
    },

    /** "Back up now": into the backup folder, or where the person chooses. */
    async now(input: { chooseLocation: boolean }): Promise<({ status: 'written' } & BackupWritten) | { status: 'cancelled' }> {
      ctx.db()
      const folder = deps.folder.get()
      let target: string
      if (folder !== null && !input.chooseLocation) {
        ensureFolder(folder)
        target = uniqueTarget(folder, 'manual')
      } else {
        const chosen = await dialogs.chooseSavePath('backup', backupFileName(ctx.clock.now(), 'manual'))
        if (chosen === null) return { status: 'cancelled' }
        target = chosen
      }
      const made = await writeBackup('manual', target, 'backup')
      return made === null ? { status: 'cancelled' } : { status: 'written', ...made }
    },

    /** A backup into the folder if one is set (in a worker); prunes old automatic ones. Null: no folder, or cancelled. */
    automatic: (reason: 'daily'): Promise<BackupWritten | null> => automaticBackup(reason, 'backup'),

    /** Daily: when the newest backup in the folder is a day old or more. */
    async dailyIfDue(): Promise<BackupWritten | null> {
      const folder = deps.folder.get()
      if (folder === null || vault.status() !== 'unlocked') return null
      let newest: number | null
      try {
        newest = listFolder(folder)[0]?.createdAt ?? null
      } catch {
        newest = null // a missing folder is created by automatic()
      }
      if (newest !== null && ctx.clock.now() - newest < DAY) return null
      return service.automatic('daily')
    },

    /**
     * Called as the vault opens, before pending migrations run (in a worker, with `dataKey`, as
     * the vault is not open yet). Never blocks the open: a failure is recorded and logged; the
     * update is one transaction and leaves the file as it was on failure.
     */
    async beforeMigration(dataKey: Buffer): Promise<void> {
      const key = Buffer.alloc(dataKey.length) // its own copy: the vault's key stays the vault's
      dataKey.copy(key)
      try {
        await automaticBackup('before-update', 'update', key)
      } catch {
        // Recorded and logged by automaticBackup().
      } finally {
        key.fill(0)
      }
    },

    /**
     * Called before a data-key rotation rekeys the database (the vault also keeps its own copy);
     * in a worker, reported and stopped as part of the rotation (op `rotate-key`). `cancelled`:
     * stopped there, so the rotation stops too; a failure is recorded and the rotation goes on.
     */
    async beforeKeyRotation(): Promise<'done' | 'cancelled'> {
      if (deps.folder.get() === null) return 'done'
      try {
        return (await automaticBackup('before-key-change', 'rotate-key')) === null ? 'cancelled' : 'done'
      } catch {
        // Recorded and logged by automaticBackup(); the rotation makes its own verified pre-rotation copy in the vault folder.
        return 'done'
      }
    },

    /** Newest first, each file checked in a worker. Works while locked (and when the vault is damaged): no key needed. */
    async listAvailable(): Promise<{ folder: string | null; backups: BackupListing[]; lastAutomaticFailure: { at: number; code: string } | null }> {
      const folder = deps.folder.get()
      if (folder === null) return { folder, backups: [], lastAutomaticFailure }
      let vaultId: string | null = null
      try {
        vaultId = vault.status() === 'none' ? null : currentHeader().header.vaultId
      } catch {
        vaultId = null
      }
      let entries: ReturnType<typeof listFolder>
      try {
        entries = listFolder(folder)
      } catch {
        return { folder, backups: [], lastAutomaticFailure }
      }
      const checked = await checkFiles(entries.map((entry) => join(folder, entry.name)))
      const backups = entries.map((entry, index) => {
        const file = checked[index]
        let size: number
        try {
          size = statSync(join(folder, entry.name)).size
        } catch {
          size = 0
        }
        return {
          name: entry.name,
          createdAt: file?.createdAt ?? entry.createdAt,
          reason: file?.reason ?? entry.reason,
          sizeBytes: size,
          intact: file?.intact ?? false,
          sameVault: vaultId !== null && file?.vaultId === vaultId,
        }
      })
      return { folder, backups, lastAutomaticFailure }
    },

    /** "Test a backup": opens a copy in a temp folder, checks it, reports. Touches nothing else. */
    async test(input: { source: BackupSource; unlock?: Unlock | undefined }): Promise<{ status: 'cancelled' } | ({ status: 'tested' } & BackupReport)> {
      const path = await resolveSource(input.source)
      if (path === null) return { status: 'cancelled' }
      const inspected = await inspect(path, input.unlock, 'backup-test')
      return inspected === null ? { status: 'cancelled' } : { status: 'tested', ...inspected.report }
    },

    /**
     * Restore: the backup becomes the vault. The current vault folder is renamed aside (kept,
     * never deleted) and the restored one must unlock and verify before anything is final; on
     * any failure the current vault is put back as it was.
     */
    async restore(input: { source: BackupSource; unlock: Unlock }): Promise<{ status: 'cancelled' } | ({ status: 'restored'; keptAside: string | null } & BackupReport)> {
      const path = await resolveSource(input.source)
      if (path === null) return { status: 'cancelled' }
      const dataDir = vault.paths.dir
      const parent = dirname(dataDir)
      const stamp = `${stampOf(ctx.clock.now())}-${randomBytes(3).toString('hex')}`
      const staging = join(parent, `${restoringPrefix(dataDir)}${stamp}`)
      try {
        mkdirSync(staging, { mode: 0o700 })
      } catch (error) {
        throw ioError(error)
      }
      let report: BackupReport
      try {
        // The staging folder gets the database straight from the container (a fresh extract).
        const inspected = await inspect(path, input.unlock, 'restore', join(staging, DATABASE_FILE))
        if (inspected === null) {
          rmSync(staging, { recursive: true, force: true })
          return { status: 'cancelled' }
        }
        if (inspected.report.fromNewerVersion) throw new CoreError('VAULT_FROM_FUTURE')
        report = inspected.report
        writeFileAtomicSync(join(staging, HEADER_FILE), inspected.headerText)
        fsyncDirectory(staging)
      } catch (error) {
        rmSync(staging, { recursive: true, force: true })
        throw error
      }

      deps.lock('restore')
      const aside = join(parent, `${basename(dataDir)}.before-restore-${stamp}`)
      let keptAside: string | null = null
      try {
        if (existsSync(dataDir)) {
          if (readdirSync(dataDir).length === 0) rmdirSync(dataDir)
          else {
            renameSync(dataDir, aside)
            keptAside = basename(aside)
          }
        }
        renameSync(staging, dataDir)
        fsyncDirectory(parent)
      } catch (error) {
        if (keptAside !== null && !existsSync(dataDir)) renameSync(aside, dataDir)
        rmSync(staging, { recursive: true, force: true })
        throw ioError(error)
      }
      try {
        await vault.unlock(input.unlock)
      } catch (error) {
        // Put everything back: the restored copy moves out of the way, the old vault returns.
        vault.lock()
        const failed = join(parent, `${basename(dataDir)}.failed-restore-${stamp}`)
        renameSync(dataDir, failed)
        if (keptAside !== null) renameSync(aside, dataDir)
        fsyncDirectory(parent)
        logger.error('backup.restore_unlock_failed', { code: error instanceof CoreError ? error.code : 'UNKNOWN' })
        throw error
      }
      ctx.events.emit('data.changed', { tables: RESTORED_TABLES })
      return { status: 'restored', keptAside, ...report }
    },
  }
  return service
}

export type BackupService = ReturnType<typeof createBackupService>
