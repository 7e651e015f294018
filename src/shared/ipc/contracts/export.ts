import { jsonExportInput, rangedExportInput, exportResultSchema } from '../schemas/export'
import { channel } from './channel'

/** Plaintext exports: each one is asked for separately, after "This file will not be encrypted". */
export const exportContract = {
  /** Everything, as Between's versioned JSON (docs/export-format.md); importable back. */
  'export.json': channel(jsonExportInput, exportResultSchema),
  /** One Markdown file per session and reflection, into a new subfolder of a chosen folder. */
  'export.markdownFolder': channel(rangedExportInput, exportResultSchema),
  /** One Markdown document for a date range. */
  'export.markdownDocument': channel(rangedExportInput, exportResultSchema),
  /** A PDF report for a date range. */
  'export.pdf': channel(rangedExportInput, exportResultSchema),
} as const
