/**
 * Backups (docs/backups.md): "Back up now", automatic daily backups into a folder the person
 * chose (and before a schema update or a data-key change), "Test a backup", and restore.
 *
 * How a backup is made: in one synchronous section, row counts of every table and
 * `VACUUM INTO` a private temp folder (the copy is encrypted with the vault's key and cipher
 * settings: SQLite3 Multiple Ciphers attaches the target with the main database's key; the
 * online backup API cannot be used, see vault/rotate.ts). The copy is ATTACHed to the live
 * connection (so it is opened with the data key, which never leaves the vault), checked with
 * integrity_check and foreign_key_check, and its row counts compared. Then it is wrapped in
 * the container (backup-container.ts) atomically and the written file is read back and its
 * checksum compared. Only then is the backup reported as made.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { latestVersion, schemaVersion } from '../db/migrate'
import { CoreError } from '../errors'
import type { BackupFolderSetting, FileDialogs, Logger } from '../ports'
import type { ServiceContext } from '../records/entity.service'
import { fsyncDirectory, writeFileAtomicSync } from '../vault/atomic-write'
import { ioError, safeCause } from '../vault/failures'
import { DATABASE_FILE, fixedPart, HEADER_FILE, parseHeader, serializeHeader, type VaultHeader } from '../vault/header'
import { derivePassphraseKey } from '../vault/kdf'
import { openEncryptedDatabase } from '../vault/open-database'
import { parseRecoveryKey } from '../vault/recovery-key'
import type { VaultService } from '../vault/vault.service'
import { openPassphraseSlot, openRecoverySlot } from '../vault/wrap'
import {
  BACKUP_CONTAINER_VERSION,
  BACKUP_EXTENSION,
  BACKUP_FORMAT,
  checkPayload,
  hashFile,
  readContainerInfo,
  writeContainer,
  type BackupReason,
  type ContainerInfo,
} from './backup-container'
import { checkSchema, dateRange, entityCounts, schemaVersionOf, tableCounts, type EntityCounts } from './backup.repo'

export const DEFAULT_KEEP = 14
const RESTORED_TABLES = ['therapists', 'sessions', 'reflections', 'tags', 'drafts', 'talking_points', 'contacts', 'absences', 'rules', 'rule_versions', 'crisis_plan', 'reminders']
const DAY = 24 * 3_600_000

/** between-2026-03-03-091500Z-daily.betweenbackup (UTC), optionally "-2" before the extension. */
export const BACKUP_NAME = /^between-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})Z-(manual|daily|before-update|before-key-change)(?:-\d{1,3})?\.betweenbackup$/

export type Unlock = { passphrase: string } | { recoveryKey: string }
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
}

export interface BackupDeps {
  ctx: ServiceContext
  vault: VaultService
  /** core.lock: closes the vault and tells the renderer. */
  lock: (reason: 'restore') => void
  dialogs: FileDialogs
  folder: BackupFolderSetting
  logger: Logger
  /** How many automatic backups to keep (default 14). */
  keep?: number
}

const stampOf = (ms: number): string => {
  const iso = new Date(ms).toISOString() // 2026-03-03T09:15:00.000Z
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
}

export const backupFileName = (ms: number, reason: BackupReason, n = 1): string =>
  `between-${stampOf(ms)}-${reason}${n > 1 ? `-${n}` : ''}${BACKUP_EXTENSION}`

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

/** A private temp folder for encrypted working copies; removed after use. */
function withWorkDir<T>(fn: (dir: string) => T): T {
  let dir: string
  try {
    dir = mkdtempSync(join(tmpdir(), 'between-backup-'))
  } catch (error) {
    throw ioError(error)
  }
  try {
    return fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function withWorkDirAsync<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  let dir: string
  try {
    dir = mkdtempSync(join(tmpdir(), 'between-backup-'))
  } catch (error) {
    throw ioError(error)
  }
  try {
    return await fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Opens a backup's data key with the passphrase or recovery key that were current when it was made. */
export async function unwrapBackupKey(header: VaultHeader, unlock: Unlock): Promise<Buffer> {
  const fixed = fixedPart(header)
  if ('recoveryKey' in unlock) {
    const secret = parseRecoveryKey(unlock.recoveryKey)
    try {
      const key = openRecoverySlot(fixed, header.recovery, secret)
      if (!key) throw new CoreError('WRONG_RECOVERY_KEY')
      return key
    } finally {
      secret.fill(0)
    }
  }
  if (unlock.passphrase.length === 0) throw new CoreError('WRONG_PASSPHRASE')
  const kek = await derivePassphraseKey(unlock.passphrase, Buffer.from(header.passphrase.salt, 'base64'), {
    memoryKiB: header.passphrase.memoryKiB,
    iterations: header.passphrase.iterations,
    parallelism: header.passphrase.parallelism,
  })
  try {
    const key = openPassphraseSlot(fixed, header.passphrase, { salt: header.recovery.salt, publicKey: header.recovery.publicKey }, kek)
    if (!key) throw new CoreError('WRONG_PASSPHRASE')
    return key
  } finally {
    kek.fill(0)
  }
}

/** ATTACH a copy to the live connection (opened with the vault's key), run fn, DETACH. */
function withAttached<T>(db: Database.Database, path: string, fn: () => T): T {
  try {
    db.prepare("ATTACH DATABASE ? AS bk").run(path)
  } catch (error) {
    throw new CoreError('BACKUP_INVALID', { cause: safeCause(error) })
  }
  try {
    return fn()
  } catch (error) {
    if (error instanceof CoreError) throw error
    throw new CoreError('BACKUP_INVALID', { cause: safeCause(error) })
  } finally {
    db.exec('DETACH DATABASE bk')
  }
}

const sameCounts = (a: Record<string, number>, b: Record<string, number>): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort())

export function createBackupService(deps: BackupDeps) {
  const { ctx, vault, dialogs, logger } = deps
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

  /** The whole routine, on a given connection (the live one, or the one being opened). */
  const writeBackup = (db: Database.Database, reason: BackupReason, target: string): BackupWritten => {
    const started = performance.now()
    const { object: headerObject } = currentHeader()
    return withWorkDir((work) => {
      const copy = join(work, DATABASE_FILE)
      let counts: Record<string, number>
      try {
        // One synchronous section: nothing can write between the counts and the copy.
        counts = tableCounts(db)
        db.prepare('VACUUM INTO ?').run(copy)
      } catch (error) {
        throw ioError(error)
      }
      const version = schemaVersion(db)
      withAttached(db, copy, () => {
        if (!checkSchema(db, 'bk')) throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_INTEGRITY' } })
        if (!sameCounts(tableCounts(db, 'bk'), counts)) throw new CoreError('BACKUP_INVALID', { cause: { code: 'COPY_COUNTS' } })
      })
      const { sha256, bytes } = hashFile(copy)
      writeContainer(
        target,
        {
          format: BACKUP_FORMAT,
          version: BACKUP_CONTAINER_VERSION,
          createdAt: ctx.clock.now(),
          reason,
          schemaVersion: version,
          database: { bytes, sha256 },
          vaultHeader: headerObject,
        },
        copy,
      )
      // Read back what reached the disk.
      try {
        const info = readContainerInfo(target)
        if (info.metadata.database.sha256 !== sha256) throw new CoreError('BACKUP_INVALID', { cause: { code: 'READBACK' } })
        checkPayload(target, info)
      } catch (error) {
        rmSync(target, { force: true })
        throw error
      }
      return { name: basename(target), sizeBytes: statSync(target).size, durationMs: Math.round(performance.now() - started), counts: entityCounts(counts) }
    })
  }

  const listFolder = (folder: string): Array<{ name: string; createdAt: number; reason: BackupReason }> => {
    let names: string[]
    try {
      names = readdirSync(folder)
    } catch (error) {
      throw ioError(error)
    }
    return names
      .map((name) => {
        const m = BACKUP_NAME.exec(name)
        if (!m) return null
        const [, y, mo, d, h, mi, s, reason] = m as unknown as [string, string, string, string, string, string, string, BackupReason]
        return { name, createdAt: Date.UTC(+y, +mo - 1, +d, +h, +mi, +s), reason }
      })
      .filter((entry): entry is { name: string; createdAt: number; reason: BackupReason } => entry !== null)
      .sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1))
  }

  const isIntact = (path: string): { intact: boolean; info: ContainerInfo | null } => {
    try {
      const info = readContainerInfo(path)
      checkPayload(path, info)
      return { intact: true, info }
    } catch {
      return { intact: false, info: null }
    }
  }

  /** Keeps the newest `keep` intact automatic backups; older automatic ones go. Manual ones stay. */
  const prune = (folder: string): void => {
    let kept = 0
    for (const entry of listFolder(folder)) {
      if (entry.reason === 'manual') continue
      if (kept < keep) {
        if (isIntact(join(folder, entry.name)).intact) kept++
        continue
      }
      try {
        rmSync(join(folder, entry.name), { force: true })
      } catch (error) {
        logger.warn('backup.prune_failed', safeCause(error))
      }
    }
  }

  /** Finds the file a source names: a backup in the folder by name, or one the person picks. */
  const resolveSource = async (source: BackupSource): Promise<string | null> => {
    if ('choose' in source) return dialogs.chooseOpenPath('backup')
    const folder = deps.folder.get()
    if (folder === null || !BACKUP_NAME.test(source.name)) throw new CoreError('NOT_FOUND')
    return join(folder, source.name)
  }

  /** Opens a backup's database (a temp copy) and describes it; nothing else is touched. */
  const inspect = async (path: string, unlock: Unlock | undefined, work: string): Promise<{ report: BackupReport; headerText: string }> => {
    const info = readContainerInfo(path)
    let header: VaultHeader
    try {
      header = parseHeader(JSON.stringify(info.metadata.vaultHeader))
    } catch (error) {
      if (error instanceof CoreError && error.code === 'VAULT_FROM_FUTURE') throw error
      throw new CoreError('BACKUP_INVALID', { cause: { code: 'HEADER' } })
    }
    const copy = join(work, DATABASE_FILE)
    checkPayload(path, info, copy)
    const describe = (db: Database.Database, schema: string): Omit<BackupReport, 'sameVault'> => {
      if (!checkSchema(db, schema)) throw new CoreError('BACKUP_INVALID', { cause: { code: 'INTEGRITY' } })
      const version = schemaVersionOf(db, schema)
      const range = dateRange(db, schema)
      return {
        name: basename(path),
        createdAt: info.metadata.createdAt,
        reason: info.metadata.reason,
        sizeBytes: info.fileBytes,
        schemaVersion: version,
        fromNewerVersion: version > latestVersion(),
        counts: entityCounts(tableCounts(db, schema)),
        firstAt: range.first,
        lastAt: range.last,
      }
    }
    let current: VaultHeader | null
    try {
      current = vault.status() === 'none' ? null : currentHeader().header
    } catch {
      current = null
    }
    const sameVault = current !== null && current.vaultId === header.vaultId
    let base: Omit<BackupReport, 'sameVault'>
    if (unlock !== undefined) {
      const key = await unwrapBackupKey(header, unlock)
      try {
        const db = openEncryptedDatabase(copy, key)
        try {
          base = describe(db, 'main')
        } catch (error) {
          if (error instanceof CoreError) throw error
          throw new CoreError('BACKUP_INVALID', { cause: safeCause(error) })
        } finally {
          db.close()
        }
      } catch (error) {
        if (error instanceof CoreError && error.code === 'VAULT_CORRUPT') throw new CoreError('BACKUP_INVALID', { cause: { code: 'DATABASE' } })
        throw error
      } finally {
        key.fill(0)
      }
    } else if (vault.status() === 'unlocked' && current !== null && sameVault && current.keyGeneration === header.keyGeneration) {
      const db = ctx.db()
      base = withAttached(db, copy, () => describe(db, 'bk'))
    } else {
      throw new CoreError('INVALID_INPUT', { field: 'unlock' })
    }
    return { report: { ...base, sameVault }, headerText: serializeHeader(header) }
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
      return { status: 'written', ...writeBackup(ctx.db(), 'manual', target) }
    },

    /** A backup into the folder if one is set; prunes old automatic ones. Null when no folder. */
    automatic(reason: Exclude<BackupReason, 'manual'>, db: Database.Database = ctx.db()): BackupWritten | null {
      const folder = deps.folder.get()
      if (folder === null) return null
      try {
        ensureFolder(folder)
        const written = writeBackup(db, reason, uniqueTarget(folder, reason))
        prune(folder)
        lastAutomaticFailure = null
        return written
      } catch (error) {
        const code = error instanceof CoreError ? error.code : 'IO_ERROR'
        lastAutomaticFailure = { at: ctx.clock.now(), code }
        logger.warn('backup.automatic_failed', { reason, code })
        throw error instanceof CoreError ? error : ioError(error)
      }
    },

    /** Daily: when the newest backup in the folder is a day old or more. */
    dailyIfDue(): BackupWritten | null {
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

    /** Called as the vault opens, before pending migrations run on `db`. Never blocks the open. */
    beforeMigration(db: Database.Database): void {
      const version = schemaVersion(db)
      if (version === 0 || version >= latestVersion()) return
      try {
        service.automatic('before-update', db)
      } catch {
        // logged in automatic(); migrations are one transaction and leave the file as it was on failure
      }
    },

    /** Called before a data-key rotation rekeys the database (the vault also keeps its own copy). */
    beforeKeyRotation(db: Database.Database): void {
      try {
        service.automatic('before-key-change', db)
      } catch {
        // logged; the rotation makes its own verified pre-rotation copy in the vault folder
      }
    },

    /** Newest first. Works while locked (and when the vault is damaged): no key needed. */
    listAvailable(): { folder: string | null; backups: BackupListing[]; lastAutomaticFailure: { at: number; code: string } | null } {
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
      const backups = entries.map((entry) => {
        const path = join(folder, entry.name)
        const { intact, info } = isIntact(path)
        let size: number
        try {
          size = statSync(path).size
        } catch {
          size = 0
        }
        const id = info ? (info.metadata.vaultHeader as { vaultId?: unknown }).vaultId : undefined
        return {
          name: entry.name,
          createdAt: info?.metadata.createdAt ?? entry.createdAt,
          reason: info?.metadata.reason ?? entry.reason,
          sizeBytes: size,
          intact,
          sameVault: vaultId !== null && id === vaultId,
        }
      })
      return { folder, backups, lastAutomaticFailure }
    },

    /** "Test a backup": opens a copy in a temp folder, checks it, reports. Touches nothing else. */
    async test(input: { source: BackupSource; unlock?: Unlock | undefined }): Promise<{ status: 'cancelled' } | ({ status: 'tested' } & BackupReport)> {
      const path = await resolveSource(input.source)
      if (path === null) return { status: 'cancelled' }
      return withWorkDirAsync(async (work) => ({ status: 'tested' as const, ...(await inspect(path, input.unlock, work)).report }))
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
      const staging = join(parent, `${basename(dataDir)}.restoring-${stamp}`)
      try {
        mkdirSync(staging, { mode: 0o700 })
      } catch (error) {
        throw ioError(error)
      }
      let report: BackupReport
      try {
        const inspected = await withWorkDirAsync(async (work) => {
          const result = await inspect(path, input.unlock, work)
          if (result.report.fromNewerVersion) throw new CoreError('VAULT_FROM_FUTURE')
          return result
        })
        report = inspected.report
        // The staging folder gets the database straight from the container (a fresh extract).
        const info = readContainerInfo(path)
        checkPayload(path, info, join(staging, DATABASE_FILE))
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
