/** Words shared by the store, the contract and the contact check engine. */

export const PURPOSES = [
  'scheduling',
  'admin',
  'update',
  'question',
  'concern',
  'significant_event',
  'crisis',
] as const
export type Purpose = (typeof PURPOSES)[number]

export const CHANNELS = [
  'text',
  'email',
  'phone',
  'voicemail',
  'portal',
  'video',
  'social',
  'in_person',
] as const
export type ContactChannel = (typeof CHANNELS)[number]

export const SESSION_FORMATS = ['in_person', 'video', 'phone'] as const
export type SessionFormat = (typeof SESSION_FORMATS)[number]

export const SESSION_STATUSES = ['scheduled', 'attended', 'cancelled', 'missed'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const HOMEWORK_STATUSES = ['todo', 'doing', 'done', 'dropped'] as const
export type HomeworkStatus = (typeof HOMEWORK_STATUSES)[number]

export const TALKING_POINT_STATUSES = ['open', 'discussed', 'carried_over', 'dropped'] as const
export type TalkingPointStatus = (typeof TALKING_POINT_STATUSES)[number]

export const PRIORITIES = ['low', 'normal', 'high'] as const
export type Priority = (typeof PRIORITIES)[number]

export const CONTACT_DIRECTIONS = ['sent', 'received'] as const
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number]

export const SEVERITIES = ['block', 'warn', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

export const REMINDER_KINDS = ['draft_ready', 'session_tomorrow', 'reflection_prompt', 'rule_review', 'check_in_due'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** Mood is an optional 1 (very low) to 5 (very good) self-rating. */
export const MOOD_MIN = 1
export const MOOD_MAX = 5
