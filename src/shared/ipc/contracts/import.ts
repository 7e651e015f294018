import { z } from 'zod'
import { importChooseOutput, importOptionsSchema, importPlanInput, importPreviewResult, importResultSchema } from '../schemas/import'
import { channel } from './channel'

/**
 * Imports, in two steps. `choose` asks the OS open dialog for the file, reads and checks it
 * completely and returns the preview; `preview` recomputes it with other choices (the window,
 * the mood mapping); `apply` writes it. All three plan in a worker, with `job.progress` events
 * (op `import`) and Stop (`jobs.cancel`): a stopped choose or preview answers `cancelled` and
 * forgets the file. The apply is all or nothing: a stopped or failed apply is taken back, and one cut off
 * by a crash is taken back at the next unlock. Nothing is written before `apply`. A file with a problem fails with INVALID_IMPORT (what is wrong, and where: a
 * line, an event, an entry) and changes nothing. Files over 50 MB are refused.
 */
export const importContract = {
  /** Choose a file of this kind and see what importing it would do. */
  'import.choose': channel(importOptionsSchema, importChooseOutput),
  /** The same file's preview with other choices. */
  'import.preview': channel(importPlanInput, importPreviewResult),
  /** Write what the preview showed. Re-importing the same file creates nothing new. */
  'import.apply': channel(importPlanInput, importResultSchema),
  /** Forget the chosen file without importing. */
  'import.discard': channel(z.strictObject({ planId: z.string().max(100) }), z.strictObject({ discarded: z.boolean() })),
} as const
