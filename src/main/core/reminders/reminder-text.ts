import type { ReminderKind } from '../../../shared/domain/vocabulary'

/**
 * The only words a notification ever shows: generic, looked up from the kind. No name, no
 * draft text, no session detail: a notification may appear on a locked screen, or be read
 * aloud, or be seen over a shoulder.
 */
export const REMINDER_TITLE = 'Between'

export const REMINDER_TEXT: Readonly<Record<ReminderKind, string>> = Object.freeze({
  draft_ready: 'A draft is ready to send',
  session_tomorrow: 'Your session is tomorrow — your talking points are ready',
  reflection_prompt: 'A quiet moment to write, if you would like one',
  rule_review: 'One of your agreements is due for a look together',
  check_in_due: 'A check-in is ready, if you would like to do it',
})
