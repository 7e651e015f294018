/** Capabilities the core is given rather than reaching for (DESIGN.md: ports). */

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** Push events to the renderer; the Electron glue and the e2e harness each provide one. */
export interface EventSink {
  emit(event: 'data.changed', payload: { tables: string[] }): void
  emit(event: 'vault.locked', payload: { reason: 'idle' | 'manual' | 'suspend' | 'screen-lock' | 'quit' | 'restore' }): void
  emit(event: 'job.progress', payload: import('../../shared/ipc/schemas/jobs').JobProgress): void
}

export const silentEvents: EventSink = { emit: () => undefined }

/**
 * A log that can only carry codes and names: there is no parameter through which user content
 * could travel.
 */
export interface Logger {
  error(code: string, detail?: Record<string, string | number | boolean>): void
  warn(code: string, detail?: Record<string, string | number | boolean>): void
}

export const silentLogger: Logger = { error: () => undefined, warn: () => undefined }

/** Argon2id cost. Production calibrates at creation; tests pass a cheap cost. */
export interface KdfCost {
  memoryKiB: number
  iterations: number
  parallelism: number
}

/** What a file dialog is for: the adapter picks the title, filters and default folder from it. */
export type SaveKind = 'backup' | 'json-export' | 'markdown-export' | 'pdf-export'
export type OpenKind = 'backup' | 'between-json' | 'day-one-json' | 'daylio-csv' | 'calendar'
export type FolderKind = 'backup-folder' | 'markdown-folder' | 'sync-folder'

/**
 * The OS file dialogs. The renderer never sends a path to write to: the core asks here, and
 * writes only where this returned. null = the person cancelled.
 */
export interface FileDialogs {
  chooseSavePath(kind: SaveKind, suggestedName: string): Promise<string | null>
  chooseOpenPath(kind: OpenKind): Promise<string | null>
  chooseFolder(kind: FolderKind): Promise<string | null>
}

/** Dialogs when none were given (tests, headless): every choice is "cancel". */
export const noDialogs: FileDialogs = {
  chooseSavePath: async () => null,
  chooseOpenPath: async () => null,
  chooseFolder: async () => null,
}

/**
 * Local notifications. It receives a reminder kind only, never content: the adapter looks the
 * generic text up from the kind (src/main/core/reminders/reminder-text.ts).
 */
export interface Notifier {
  show(kind: import('../../shared/domain/vocabulary').ReminderKind): void
}

export const silentNotifier: Notifier = { show: () => undefined }

/**
 * HTML -> PDF bytes. The HTML is self-contained (no external resources, no script); the
 * adapter renders it without writing it anywhere (Electron: hidden window printToPDF).
 */
export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>
  /** The same for a document a job wrote to a file: it never has to be one string in the main process. */
  renderFile(path: string): Promise<Uint8Array>
}

/** Where automatic backups go: the person's choice, kept in preferences (backupFolder). */
export interface BackupFolderSetting {
  get(): string | null
  set(folder: string | null): void
}

/** setTimeout-shaped, injected so schedulers can run on a fake clock in tests. */
export type SetTimer = (callback: () => void, ms: number) => { cancel(): void }

/**
 * Tells when something inside a folder (and its subfolders) changed: `onChange` gets the path
 * relative to `dir`, with '/' separators, or null when the platform does not say which. The
 * sync scheduler watches the sync folder's devices/ with it; sync/fs-watch.ts is the Node one.
 */
export type WatchFolder = (dir: string, onChange: (path: string | null) => void) => { close(): void }

/** One job for a worker: a task of the table in jobs/job-tasks.ts and its input (structured-clonable). */
export interface JobRequest<N extends import('./jobs/job-tasks').JobName> {
  name: N
  input: import('./jobs/job-tasks').JobInput<N>
  /** Open this vault database in the worker, on a connection of its own, with `key`. */
  database?: string
  /** Open `database` read-only (a check that must change no byte). */
  readOnly?: boolean
  /** A 32-byte key in an ArrayBuffer of its own: transferred to the worker (detached here), zeroed there. */
  key?: ArrayBuffer
}

export interface JobRunOptions {
  onProgress(progress: { phase: import('../../shared/ipc/schemas/jobs').JobPhase; done: number; total: number }): void
  /** Aborting ends the worker; run() then rejects with JobCancelledError, once the worker has stopped. */
  signal: AbortSignal
  logger: Logger
}

/**
 * Where heavy work runs (DESIGN.md "Where work runs"): off the main thread, on its own
 * connection. The core's default is a worker thread per job (jobs/thread-jobs.ts), in the app
 * and in tests alike.
 */
export interface Jobs {
  run<N extends import('./jobs/job-tasks').JobName>(request: JobRequest<N>, options: JobRunOptions): Promise<import('./jobs/job-tasks').JobOutput<N>>
}
