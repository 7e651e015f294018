/**
 * Every job a worker can run, by name. A new kind of heavy work is one task function (see
 * job-context.ts) added here, and a call to the core's job runner where the work is asked for.
 */
import { writeBackupCopy } from '../backup/backup-copy'
import { checkBackupFiles } from '../backup/backup-files'
import { migrateVault } from '../db/migrate-task'
import { inspectBackupCopy } from '../backup/backup-inspect'
import { applyImport, previewImport, undoImports } from '../import/import-tasks'
import { exportJson, exportMarkdownDocument, exportMarkdownFolder, exportReportHtml } from '../export/export-tasks'
import { rotateVaultKey } from '../vault/rotate'
import { checkpointWhile } from '../vault/checkpoint'
import { checkVaultPages } from '../vault/page-check-task'

export const jobTasks = {
  'backup.write': writeBackupCopy,
  'backup.inspect': inspectBackupCopy,
  'backup.checkFiles': checkBackupFiles,
  'export.json': exportJson,
  'export.markdownFolder': exportMarkdownFolder,
  'export.markdownDocument': exportMarkdownDocument,
  'export.reportHtml': exportReportHtml,
  'import.preview': previewImport,
  'import.apply': applyImport,
  'import.undo': undoImports,
  'vault.rotate': rotateVaultKey,
  'vault.migrate': migrateVault,
  'vault.checkPages': checkVaultPages,
  'vault.checkpointWhile': checkpointWhile,
} as const

export type JobName = keyof typeof jobTasks
export type JobInput<N extends JobName> = Parameters<(typeof jobTasks)[N]>[1]
export type JobOutput<N extends JobName> = ReturnType<(typeof jobTasks)[N]>
