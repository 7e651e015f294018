/**
 * Sync on this computer: turning it on by choosing a folder (the first computer writes the
 * header, later ones join with the passphrase), a sync pass, the device list, removing a
 * device (a new key the removed one cannot open), a passphrase change (every key rewrapped)
 * and the history of values that lost to an edit on another computer.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CoreError } from '../errors'
import type { ServiceContext } from '../records/entity.service'
import type { FileDialogs } from '../ports'
import type { JobRunner } from '../jobs/job-runner'
import { basename } from 'node:path'
import { assertPassphraseFloor } from '../vault/kdf'
import { parseHeader } from '../vault/header'
import { recoveryIdentity } from '../vault/wrap'
import { writeFileAtomicSync } from '../vault/atomic-write'
import { HEADER_NAME } from './folder-names'
import { LIST_EVERY_MS } from './fs-watch'
import { isNetworkFolder } from './network-folder'
import { activeDevices, type Roster } from './roster'
import { createSyncHeader, openWithPassphrase, readRoster, rewrapSyncHeader, serializeSyncHeader, type SyncHeader, type SyncKeys } from './sync-header'
import { runSync, type SyncRunOptions, type SyncRunResult } from './sync-run'
import { openSession, readHeaderFile, yjsClientIdOf, type SyncSession } from './sync-session'
import { dropJoinBase, dropPreviousDevice, keepJoinBase, keepPreviousDevice, markJoining, previousDevice, replacedIn } from './joining'
import { vaultSyncStore, type VaultSyncStore } from './sync-state.repo'
import { clearSyncState, insertSettings, peers, readSettings, saveKeys } from './sync-settings.repo'
import { removeCapture } from './sync-rows.repo'
import { SYNCED_TABLES } from './synced-tables'
import { takeCensus } from './engine'
import { stampMillis } from './hlc'
import type { JsonValue } from './ops'
import type { SyncSignals } from './sync-signals'
import type { Checkpointer } from './wal-relief'
import { CRISIS_PLAN_ROW } from '../crisis-plan/crisis-plan.repo'

export interface SyncServiceDeps {
  ctx: ServiceContext
  /** The vault's header file: its recovery key and Argon2id cost are reused for the sync header. */
  vaultHeaderPath: string
  /** Derived data to bring up to date after remote changes (reminders). */
  afterApply(): void
  /** The OS folder dialog: the only way the folder's path is learnt. */
  dialogs: FileDialogs
  /** A pass runs as a `sync` job: progress as `job.progress`, stopped by `jobs.cancel`. */
  jobs: JobRunner
  /** Sync turned on and off is told here, for the scheduler (sync-signals.ts). */
  signals: SyncSignals
  /** PASSIVE checkpoints of the vault in a worker until stopped, so a long pass never checkpoints on the main thread (wal-relief.ts). */
  checkpointWhile?: Checkpointer
  /** This installation of the app (a random id kept beside the vault folder); absent: not checked. */
  installationId?: string
}

/** The sync meta entry that names the installation sync was turned on under. */
const INSTALLATION = 'installation'

export interface DeviceStatus {
  id: string
  name: string
  thisDevice: boolean
  joinedAt: number
  lastHeardAt: number | null
  waitingFiles: number
  removed: boolean
}

export type SyncStatus =
  | { enabled: false }
  | {
      enabled: true
      folder: string
      deviceId: string
      devices: DeviceStatus[]
      unsentChanges: number
      ignoredFiles: number
      /** Files this computer missed were compacted away while it was gone: it must rejoin. */
      rejoinNeeded: boolean
      /** On a network share the folder is listed this often instead of watched (fs-watch.ts); null: watched. */
      checkedEverySeconds: number | null
    }

export interface EnableInput {
  /** Tests pass a folder; the app's renderer cannot (sync.chooseFolder picks it in the main process). */
  folder?: string
  deviceName: string
  passphrase: string
}

const DEVICE_SECRET_BYTES = 32

function vaultIdentity(headerPath: string) {
  const header = parseHeader(readFileSync(headerPath, 'utf8'))
  return {
    recovery: { salt: header.recovery.salt, publicKey: header.recovery.publicKey },
    cost: { memoryKiB: header.passphrase.memoryKiB, iterations: header.passphrase.iterations, parallelism: header.passphrase.parallelism },
  }
}

export function createSyncService(deps: SyncServiceDeps) {
  const { ctx } = deps
  let session: SyncSession | null = null
  let running: Promise<SyncRunResult> | null = null
  let chosenFolder: string | null = null

  const current = (): SyncSession | null => {
    const db = ctx.db()
    if (session?.db !== db) session = openSession(db, () => ctx.clock.now())
    return session
  }
  /**
   * The vault's sync state belongs to this installation: sync was turned on here, or before
   * installations were recorded (this one is recorded then). A copy of the vault brought to
   * another computer (a backup restored there, its folder copied) would write under the device
   * id of the computer it came from, beside it: SYNC_MOVED until it joins as a computer of its own.
   */
  const here = (s: SyncSession): SyncSession => {
    if (isCopy(s.store)) throw new CoreError('SYNC_MOVED')
    if (deps.installationId && s.store.meta(INSTALLATION) === undefined) s.store.setMeta(INSTALLATION, deps.installationId)
    return s
  }
  /** Sync in this vault was turned on under another installation: it is a copy (SYNC_MOVED). */
  const isCopy = (store: Pick<VaultSyncStore, 'meta'>): boolean => {
    const recorded = store.meta(INSTALLATION)
    return deps.installationId !== undefined && recorded !== undefined && recorded !== deps.installationId
  }
  const requireSession = (): SyncSession => {
    const s = current()
    if (!s) throw new CoreError('SYNC_NOT_ENABLED')
    return here(s)
  }
  const writeHeader = (folder: string, header: SyncHeader): void =>
    writeFileAtomicSync(join(folder, HEADER_NAME), serializeSyncHeader(header))

  const status = (): SyncStatus => {
    const s = current()
    if (!s) return { enabled: false }
    here(s)
    const { roster } = s.refreshHeader()
    const census = takeCensus(s.engine)
    const heard = peers(s.db)
    return {
      enabled: true,
      folder: s.settings.folder,
      deviceId: s.settings.device_id,
      unsentChanges: s.store.outboxSize(),
      ignoredFiles: census.ignored,
      rejoinNeeded: s.store.meta('rejoin') === true,
      checkedEverySeconds: isNetworkFolder(s.settings.folder) ? LIST_EVERY_MS / 1000 : null,
      devices: roster.devices.map((d) => ({
        id: d.id,
        name: d.name,
        thisDevice: d.id === s.settings.device_id,
        joinedAt: d.joinedAt,
        lastHeardAt: heard.get(d.id)?.lastAppliedAt ?? null,
        waitingFiles: census.waitingFiles.get(d.id) ?? 0,
        removed: d.removedAfter !== null,
      })),
    }
  }

  async function chooseFolder(): Promise<{ status: 'cancelled' } | { status: 'chosen'; folderName: string; joining: boolean }> {
    ctx.db()
    const folder = await deps.dialogs.chooseFolder('sync-folder')
    if (!folder) return { status: 'cancelled' }
    chosenFolder = folder
    return { status: 'chosen', folderName: basename(folder), joining: existsSync(join(folder, HEADER_NAME)) }
  }

  /** Turns sync on: a new sync folder if it has no header, otherwise joins it. */
  async function enable(input: EnableInput): Promise<SyncStatus> {
    assertPassphraseFloor(input.passphrase)
    const db = ctx.db()
    if (readSettings(db)) throw new CoreError('CONFLICT', { cause: { code: 'SYNC_ALREADY_ON' } })
    const folder = input.folder ?? chosenFolder
    if (!folder) throw new CoreError('INVALID_INPUT', { field: 'folder' })
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CoreError('SYNC_FOLDER_INVALID', { cause: { code: 'NOT_A_FOLDER' } })
    const vault = vaultIdentity(deps.vaultHeaderPath)
    const deviceId = randomBytes(8).toString('hex')
    const deviceSecret = randomBytes(DEVICE_SECRET_BYTES)
    const own = recoveryIdentity(deviceSecret, randomBytes(16))
    const me = { id: deviceId, name: input.deviceName, joinedAt: ctx.clock.now(), publicKey: own.publicKey, removedAfter: null }
    let header: SyncHeader
    let keys: SyncKeys
    const joining = existsSync(join(folder, HEADER_NAME))
    if (joining) {
      const existing = readHeaderFile(folder)
      const opened = await openWithPassphrase(existing, input.passphrase)
      const roster: Roster = readRoster(existing, opened)
      // This computer's entry from before sync was turned off is replaced by the new one (joining.ts).
      const previous = previousDevice(db)
      const replaced = roster.devices.find((d) => d.id === previous?.id && d.removedAfter === null)
      ;({ header, keys } = await rewrapSyncHeader({
        header: existing,
        keys: opened,
        passphrase: input.passphrase,
        roster: { devices: [...replacedIn(roster, previous).devices, me] },
        addRecoveries: [vault.recovery, own],
        ...(replaced ? { dropRecovery: replaced.publicKey } : {}),
      }))
    } else {
      ;({ header, keys } = await createSyncHeader({ passphrase: input.passphrase, cost: vault.cost, recoveries: [vault.recovery, own], roster: { devices: [me] } }))
    }
    db.transaction(() => {
      insertSettings(db, {
        device_id: deviceId,
        device_name: input.deviceName,
        folder: folder,
        folder_id: header.folderId,
        device_secret: deviceSecret,
        enabled_at: ctx.clock.now(),
      })
      saveKeys(db, keys)
      const store = vaultSyncStore(db, yjsClientIdOf(deviceId))
      if (deps.installationId) store.setMeta(INSTALLATION, deps.installationId)
      // The folder's state is taken in before this vault's rows are recorded (joining.ts).
      if (joining) markJoining(store, true)
      else dropJoinBase(db)
      dropPreviousDevice(db)
    })()
    writeHeader(folder, header)
    session = null
    chosenFolder = null
    await syncNow({})
    deps.signals.emit('opened')
    return status()
  }

  async function syncNow(options: Omit<SyncRunOptions, 'now'>): Promise<SyncRunResult> {
    if (running) return running
    const s = requireSession()
    running = deps.jobs.runHere('sync', ({ signal, report }) =>
      runSync(s, {
        ...(deps.checkpointWhile ? { checkpointWhile: deps.checkpointWhile } : {}),
        ...options,
        signal: { get aborted() { return signal.aborted || options.signal?.aborted === true } },
        onProgress: (progress) => {
          report(progress)
          options.onProgress?.(progress)
        },
        now: () => ctx.clock.now(),
      }),
    )
    try {
      const result = await running
      if (result.appliedOps > 0) {
        deps.afterApply()
        ctx.events.emit('data.changed', { tables: result.touchedTables })
      }
      return result
    } finally {
      running = null
    }
  }

  /** Removes another device: a new sync key wrapped for every device but that one. */
  async function removeDevice(input: { deviceId: string; passphrase: string }): Promise<SyncStatus> {
    const s = requireSession()
    if (input.deviceId === s.settings.device_id) throw new CoreError('INVALID_INPUT', { field: 'deviceId' })
    const { header, roster } = s.refreshHeader()
    const target = activeDevices(roster).find((d) => d.id === input.deviceId)
    if (!target) throw new CoreError('NOT_FOUND')
    await openWithPassphrase(header, input.passphrase)
    const cutoff = s.store.appliedSequence(target.id)
    const next = await rewrapSyncHeader({
      header,
      keys: s.keys(),
      passphrase: input.passphrase,
      rotate: true,
      dropRecovery: target.publicKey,
      roster: { devices: roster.devices.map((d) => (d.id === target.id ? { ...d, removedAfter: cutoff } : d)) },
    })
    saveKeys(s.db, next.keys)
    writeHeader(s.settings.folder, next.header)
    session = null
    return status()
  }

  /**
   * After the vault's passphrase changed (or was reset with the recovery key): every sync key,
   * which this computer holds, rewrapped under the new passphrase. Nothing to do with sync off.
   */
  async function changePassphrase(input: { next: string }): Promise<void> {
    const s = current()
    if (!s) return
    const { header, roster } = here(s).refreshHeader()
    const keys = s.keys()
    if (header.keys.some((slot) => !keys.has(slot.epoch))) throw new CoreError('SYNC_DEVICE_REMOVED')
    writeHeader(s.settings.folder, (await rewrapSyncHeader({ header, keys, passphrase: input.next, roster })).header)
  }

  function disable(): SyncStatus {
    const db = ctx.db()
    db.transaction(() => {
      const settings = readSettings(db)
      // A copy leaves the id alone: the computer it came from still writes under it.
      const previous = settings && !isCopy(vaultSyncStore(db, 0)) ? { id: settings.device_id, lastSequence: settings.own_sequence } : null
      removeCapture(db, SYNCED_TABLES)
      keepJoinBase(db)
      clearSyncState(db)
      if (previous) keepPreviousDevice(db, previous)
    })()
    session = null
    deps.signals.emit('closed')
    return { enabled: false }
  }

  /**
   * Values of an entry's fields that lost to an edit on another computer, newest first. Not
   * listed: a value equal to the field's value now, which lost nothing (a row both computers
   * created writes its key on both), and when a row was saved, which is the computer's note, not
   * something the person wrote.
   */
  function history(input: { table: string; id: string } | { table: 'crisis_plan' }): Array<{ field: string; value: JsonValue; at: number }> {
    const s = requireSession()
    const row = JSON.stringify(['id' in input ? input.id : CRISIS_PLAN_ROW])
    const now = (field: string): string => JSON.stringify(s.store.cell(input.table, row, field)?.value ?? null)
    return s.store
      .history(input.table, row)
      .filter((h) => h.field !== 'updated_at' && JSON.stringify(h.value) !== now(h.field))
      .map((h) => ({ field: h.field, value: h.value, at: stampMillis(h.stamp) }))
      .reverse()
  }

  return {
    status,
    chooseFolder,
    enable,
    syncNow,
    /** A pass is under way (a new call to syncNow would join it). */
    busy: (): boolean => running !== null,
    subscribe: deps.signals.subscribe,
    removeDevice,
    changePassphrase,
    disable,
    history,
  }
}

export type SyncService = ReturnType<typeof createSyncService>
