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

/**
 * THE GLOSSARY: the one word the app shows for each state and each kind of thing. Every
 * strings module takes its state words from here, and a test (vocabulary.test.ts) walks the
 * renderer's strings modules and fails on a state word or a synonym that is not these.
 */
export const GLOSSARY = {
  sessionStatus: { scheduled: 'Scheduled', attended: 'Attended', cancelled: 'Cancelled', missed: 'Missed' },
  homeworkStatus: { todo: 'Not started', doing: 'In progress', done: 'Done', dropped: 'Set aside' },
  talkingPointStatus: { open: 'Open', discussed: 'Discussed', carried_over: 'Carried over', dropped: 'Set aside' },
  /** Mood 1 to 5, as words (capitalised; lower-case them inside a sentence). */
  mood: ['Very low', 'Low', 'Okay', 'Good', 'Very good'],
  /** Names of things, singular and plural. */
  homework: ['homework', 'homework'],
  talkingPoint: ['talking point', 'talking points'],
} as const satisfies {
  sessionStatus: Record<SessionStatus, string>
  homeworkStatus: Record<HomeworkStatus, string>
  talkingPointStatus: Record<TalkingPointStatus, string>
  mood: readonly string[]
  homework: readonly [string, string]
  talkingPoint: readonly [string, string]
}

/**
 * Words that once named the same states or things and must not come back: each is what the
 * glossary calls something else ("Happened" is "Attended"; "things to try" is "homework").
 */
export const RETIRED_WORDS: ReadonlyArray<{ word: string; use: string }> = [
  { word: 'Happened', use: GLOSSARY.sessionStatus.attended },
  { word: 'Took place', use: GLOSSARY.sessionStatus.attended },
  { word: 'No-show', use: GLOSSARY.sessionStatus.missed },
  { word: 'Canceled', use: GLOSSARY.sessionStatus.cancelled },
  { word: 'Trying', use: GLOSSARY.homeworkStatus.doing },
  { word: 'Let go', use: GLOSSARY.homeworkStatus.dropped },
  { word: 'Completed', use: GLOSSARY.homeworkStatus.done },
  { word: 'things to try', use: GLOSSARY.homework[0] },
  { word: 'something to try', use: GLOSSARY.homework[0] },
  { word: 'to work on', use: GLOSSARY.homework[0] },
  { word: 'assignment', use: GLOSSARY.homework[0] },
  { word: 'exercises', use: GLOSSARY.homework[0] },
  { word: 'to bring up', use: GLOSSARY.talkingPoint[1] },
  { word: 'agenda item', use: GLOSSARY.talkingPoint[0] },
]
