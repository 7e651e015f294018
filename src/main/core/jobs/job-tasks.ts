/**
 * Every job a worker can run, by name. A new kind of heavy work is one task function (see
 * job-context.ts) added here, and a call to the core's job runner where the work is asked for.
 * Each is imported when its job starts: a worker thread runs one job, so it loads (and keeps in
 * its heap) that job's code and libraries only, not every task's (an export's thread does not
 * load the importers' ical.js or the migrations).
 */
export const jobTasks = {
  'backup.write': () => import('../backup/backup-copy').then((m) => m.writeBackupCopy),
  'backup.inspect': () => import('../backup/backup-inspect').then((m) => m.inspectBackupCopy),
  'backup.checkFiles': () => import('../backup/backup-files').then((m) => m.checkBackupFiles),
  'export.json': () => import('../export/export-tasks').then((m) => m.exportJson),
  'export.markdownFolder': () => import('../export/export-tasks').then((m) => m.exportMarkdownFolder),
  'export.markdownDocument': () => import('../export/export-tasks').then((m) => m.exportMarkdownDocument),
  'export.reportHtml': () => import('../export/export-tasks').then((m) => m.exportReportHtml),
  'import.preview': () => import('../import/import-tasks').then((m) => m.previewImport),
  'import.apply': () => import('../import/import-tasks').then((m) => m.applyImport),
  'import.undo': () => import('../import/import-tasks').then((m) => m.undoImports),
  'vault.rotate': () => import('../vault/rotate').then((m) => m.rotateVaultKey),
  'vault.migrate': () => import('../db/migrate-task').then((m) => m.migrateVault),
  'vault.checkPages': () => import('../vault/page-check-task').then((m) => m.checkVaultPages),
  'vault.checkpointWhile': () => import('../vault/checkpoint').then((m) => m.checkpointWhile),
} as const

export type JobName = keyof typeof jobTasks
type TaskOf<N extends JobName> = Awaited<ReturnType<(typeof jobTasks)[N]>>
export type JobInput<N extends JobName> = Parameters<TaskOf<N>>[1]
export type JobOutput<N extends JobName> = ReturnType<TaskOf<N>>
