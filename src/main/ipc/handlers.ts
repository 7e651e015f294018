import type { Channel, ChannelOutput, ParsedInput } from '../../shared/ipc/contract'
import type { Core } from '../core'
import type { ChannelCalls } from '../core/db/channel-call'
import { backupHandlers } from '../core/backup/backup.handlers'
import { exportHandlers } from '../core/export/export.handlers'
import { homeworkHandlers } from '../core/homework/homework.handlers'
import { prefsHandlers } from '../core/prefs/prefs.handlers'
import { shellHandlers, uiHandlers } from '../core/shell/shell.handlers'
import { journalHandlers } from '../core/journal/journal.handlers'
import { tagsHandlers } from '../core/tags/tags.handlers'
import { importHandlers } from '../core/import/import.handlers'
import { jobsHandlers } from '../core/jobs/jobs.handlers'
import { contactCheckHandlers } from '../core/contact-check/contact-check.handlers'
import { recordsHandlers } from '../core/records/records.handlers'
import { remindersHandlers } from '../core/reminders/reminders.handlers'
import { repairHandlers } from '../core/repair/repair.handlers'
import { rulesHandlers } from '../core/rules/rules.handlers'
import { searchHandlers } from '../core/search/search.handlers'
import { sessionPrepHandlers } from '../core/session-prep/session-prep.handlers'
import { timelineHandlers } from '../core/timeline/timeline.handlers'
import { vaultHandlers } from '../core/vault/vault.handlers'
import { syncHandlers } from '../core/sync/sync.handlers'

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>

/** Where dispatch runs a call and its output check as one unit (src/main/core/db/channel-call.ts). */
export const CHANNEL_CALLS = Symbol('channel calls')

export type Handlers = { [C in Channel]: Handler<C> } & { readonly [CHANNEL_CALLS]?: ChannelCalls }

/**
 * One handler table assembled from feature slices. Every channel the contract declares must
 * be here (the type says so). On a locked vault every channel outside WORKS_WHILE_LOCKED
 * (src/shared/ipc/works-while-locked.ts) fails with VAULT_LOCKED, because the services reach
 * the database only through vault.db().
 */
export function createHandlers(core: Core): Handlers {
  return {
    [CHANNEL_CALLS]: core.channelCalls,
    ...vaultHandlers(core),
    ...recordsHandlers(core),
    ...rulesHandlers(core),
    ...searchHandlers(core),
    ...timelineHandlers(core),
    ...contactCheckHandlers(core),
    ...exportHandlers(core),
    ...sessionPrepHandlers(core),
    ...tagsHandlers(core),
    ...journalHandlers(core),
    ...importHandlers(core),
    ...remindersHandlers(core),
    ...backupHandlers(core),
    ...prefsHandlers(core.prefs),
    ...shellHandlers(core.links, core.shell),
    ...uiHandlers(core.shell),
    ...jobsHandlers(core),
    ...repairHandlers(core),
    ...syncHandlers(core),
    ...homeworkHandlers(core),
  }
}
