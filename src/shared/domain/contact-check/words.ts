/**
 * Every user-visible phrase of the contact check that is not a date lives here or in the rule
 * files' `detail` sentences built from these pieces. Voice: calm, plain, no exclamation marks,
 * no judgement (DESIGN.md).
 */
import type { ContactChannel, Purpose } from '../vocabulary'
import { list } from './format'

/** As in "this is about …". */
export const PURPOSE_ONE: Record<Purpose, string> = {
  scheduling: 'scheduling',
  admin: 'an admin or billing matter',
  update: 'an update or reflection',
  question: 'a question about the work',
  concern: 'a specific concern',
  significant_event: 'a significant event',
  crisis: 'feeling unsafe',
}

/** As in "to keep … for your sessions". */
export const PURPOSE_MANY: Record<Purpose, string> = {
  scheduling: 'scheduling',
  admin: 'admin',
  update: 'updates',
  question: 'questions about the work',
  concern: 'specific concerns',
  significant_event: 'significant events',
  crisis: 'a crisis',
}

/** As in "send …" / "… is an agreed way". */
export const CHANNEL_ONE: Record<ContactChannel, string> = {
  text: 'a text',
  email: 'an email',
  phone: 'a phone call',
  voicemail: 'a voicemail',
  portal: 'a portal message',
  video: 'a video call',
  social: 'social media',
  in_person: 'in person',
}

/** As in "by …". */
export const CHANNEL_BARE: Record<ContactChannel, string> = {
  text: 'text',
  email: 'email',
  phone: 'phone',
  voicemail: 'voicemail',
  portal: 'the portal',
  video: 'video call',
  social: 'social media',
  in_person: 'in person',
}

export const capitalise = (s: string): string =>
  s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1)

export const purposesOr = (ps: readonly Purpose[]): string =>
  list(
    ps.map((p) => PURPOSE_ONE[p]),
    'or',
  )
export const purposesAnd = (ps: readonly Purpose[]): string =>
  list(
    ps.map((p) => PURPOSE_MANY[p]),
    'and',
  )
export const channelsOr = (cs: readonly ContactChannel[]): string =>
  list(
    cs.map((c) => CHANNEL_ONE[c]),
    'or',
  )
export const channelsBareOr = (cs: readonly ContactChannel[]): string =>
  list(
    cs.map((c) => CHANNEL_BARE[c]),
    'or',
  )

const quotes = new Map<string, string>()

/** The person's own words, trimmed to a readable length and quoted. */
export function quote(text: string, max = 200): string {
  const key = max === 200 ? text : `${max}|${text}`
  let q = quotes.get(key)
  if (q === undefined) {
    const t = text.trim().replace(/\s+/g, ' ')
    const cut = t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t
    const ends = /[.?!…]$/.test(cut)
    q = `“${cut}”${ends ? '' : '.'}`
    if (quotes.size >= 1000) quotes.clear()
    quotes.set(key, q)
  }
  return q
}

/** Sentence used when the purpose is outside a rule's reach. */
export const notCovered = (purpose: Purpose): string =>
  `This is about ${PURPOSE_ONE[purpose]}, which this agreement leaves out.`

export const HEADLINES = {
  crisisWithPlan: 'Your safety comes first. Here is your crisis plan.',
  crisisNoPlan:
    'Your safety comes first. If you are in danger now, call your local emergency number.',
  covering: (name: string) =>
    name
      ? `Your therapist is away. For this, you agreed to contact ${name}.`
      : 'Your therapist is away. For this, you agreed to contact the clinician covering for them.',
  otherChannel: (channels: readonly ContactChannel[]) =>
    `This would fit better as ${channelsOr(channels)}.`,
  session: (when: string | null) =>
    when
      ? `This sounds like one for your session on ${when}.`
      : 'This sounds like one for your next session.',
  waitUntil: (when: string) => `This can wait until ${when}.`,
  noTime:
    'No time in the next 60 days fits all of these agreements together. It may be worth looking at them with your therapist.',
  confirm: 'Before sending, you wanted to check a few things.',
  send: 'This fits what you agreed. You can send it when you are ready.',
} as const

export const CRISIS_LINE =
  'When you feel unsafe, this agreement steps aside. Your crisis plan comes first.'
