import type { z } from 'zod'
import { backupContract } from './contracts/backup'
import { contactCheckContract } from './contracts/contact-check'
import { exportContract } from './contracts/export'
import { homeworkContract } from './contracts/homework'
import { journalContract } from './contracts/journal'
import { jobsContract } from './contracts/jobs'
import { importContract } from './contracts/import'
import { prefsContract } from './contracts/prefs'
import { recordsContract } from './contracts/records'
import { remindersContract } from './contracts/reminders'
import { repairContract } from './contracts/repair'
import { rulesContract } from './contracts/rules'
import { searchContract } from './contracts/search'
import { sessionPrepContract } from './contracts/session-prep'
import { shellContract } from './contracts/shell'
import { starterAnswersContract } from './contracts/starter-answers'
import { syncContract } from './contracts/sync'
import { tagsContract } from './contracts/tags'
import { timelineContract } from './contracts/timeline'
import { uiContract } from './contracts/ui'
import { vaultContract } from './contracts/vault'

/**
 * THE contract: every channel the renderer can call, `<domain>.<verb>`, with one object
 * argument, assembled from one slice per feature (src/shared/ipc/contracts/). dispatch validates
 * input against it; the renderer's rpc() is typed from it.
 */
export const contract = {
  ...vaultContract,
  ...recordsContract,
  ...rulesContract,
  ...starterAnswersContract,
  ...searchContract,
  ...timelineContract,
  ...contactCheckContract,
  ...exportContract,
  ...sessionPrepContract,
  ...tagsContract,
  ...journalContract,
  ...importContract,
  ...remindersContract,
  ...backupContract,
  ...prefsContract,
  ...shellContract,
  ...uiContract,
  ...jobsContract,
  ...repairContract,
  ...syncContract,
  ...homeworkContract,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>
