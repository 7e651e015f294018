import type { Channel, ChannelOutput, ParsedInput } from '../../shared/ipc/contract'
import type { Core } from '../core'
import { outsideCalls, type ChannelCalls, type Commit } from '../core/db/channel-call'
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

/**
 * A handler over the records answers at once, or waits and then ends with the write to make
 * (Commit, run in the call's savepoint); one declared outsideCall may answer after waiting.
 */
export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> | Promise<Commit<ChannelOutput<C>>>

/** Where dispatch runs a call and its output check as one unit (src/main/core/db/channel-call.ts). */
export const CHANNEL_CALLS = Symbol('channel calls')

export type Handlers = { [C in Channel]: Handler<C> } & { readonly [CHANNEL_CALLS]?: ChannelCalls }

/**
 * One handler table assembled from feature slices. Every channel the contract declares must
 * be here (the type says so). On a locked vault every channel outside WORKS_WHILE_LOCKED
 * (src/shared/ipc/works-while-locked.ts) fails with VAULT_LOCKED, because the services reach
 * the database only through vault.db().
 *
 * Slices over files, keys, preferences, the shell or jobs, or that run their own transactions in
 * slices (import, sync), are declared outsideCalls here: dispatch gives them no savepoint. Single
 * handlers of that kind in other slices are declared outsideCall where they are listed.
 */
export function createHandlers(core: Core): Handlers {
  return {
    [CHANNEL_CALLS]: core.channelCalls,
    ...outsideCalls(vaultHandlers(core)),
    ...recordsHandlers(core),
    ...rulesHandlers(core),
    ...searchHandlers(core),
    ...timelineHandlers(core),
    ...contactCheckHandlers(core),
    ...outsideCalls(exportHandlers(core)),
    ...sessionPrepHandlers(core),
    ...tagsHandlers(core),
    ...journalHandlers(core),
    ...outsideCalls(importHandlers(core)),
    ...remindersHandlers(core),
    ...outsideCalls(backupHandlers(core)),
    ...outsideCalls(prefsHandlers(core.prefs)),
    ...outsideCalls(shellHandlers(core.links, core.shell)),
    ...outsideCalls(uiHandlers(core.shell)),
    ...outsideCalls(jobsHandlers(core)),
    ...repairHandlers(core),
    ...outsideCalls(syncHandlers(core)),
    ...homeworkHandlers(core),
  }
}
