import { emptyInput } from '../schemas/common'
import {
  syncChooseFolderResult,
  syncEnableInput,
  syncHistoryInput,
  syncHistoryResult,
  syncNowResult,
  syncRemoveDeviceInput,
  syncStatusSchema,
} from '../schemas/sync'
import { channel } from './channel'

/** Sync between the person's computers through a folder they already sync (docs/sync.md). */
export const syncContract = {
  /** Whether sync is on here, the devices, what is waiting. */
  'sync.status': channel(emptyInput, syncStatusSchema),
  /** The main process asks for the folder; the renderer never sends a path. Says whether it will join. */
  'sync.chooseFolder': channel(emptyInput, syncChooseFolderResult),
  /** Turns sync on with the chosen folder: a new sync folder, or joins one (the passphrase used there). */
  'sync.enable': channel(syncEnableInput, syncStatusSchema),
  /** One sync pass now, run as a `sync` job (progress as `job.progress` events, stopped by `jobs.cancel`). */
  'sync.now': channel(emptyInput, syncNowResult),
  /**
   * A sync pass that rejoins: when files this computer missed while it was gone were compacted
   * into a snapshot, takes the snapshot (its own edits are kept and sent; values that lose are
   * kept as history), then applies what is newer.
   */
  'sync.rejoin': channel(emptyInput, syncNowResult),
  /** Removes another device: a new key it cannot open. Asks for the passphrase. */
  'sync.removeDevice': channel(syncRemoveDeviceInput, syncStatusSchema),
  /** Turns sync off on this computer; its records stay, the folder is left as it is. */
  'sync.disable': channel(emptyInput, syncStatusSchema),
  /** Values of an entry (or of the crisis plan) that lost to an edit on another computer, newest first. */
  'sync.history': channel(syncHistoryInput, syncHistoryResult),
} as const
