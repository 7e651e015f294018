/**
 * The kinds of agreement a person and their therapist can make about contact between sessions,
 * with the parameters each kind takes. Shared by the store, the IPC contract, the UI's
 * "add from template" and the contact check engine (src/shared/domain/contact-check).
 *
 * Conventions for every kind's params (plain JSON only):
 * - times of day are "HH:MM" (24-hour; "24:00" allowed as a window end), in the therapist's zone;
 * - days of the week are 0–6, 0 = Sunday;
 * - `purposes: []` means "every purpose"; the crisis purpose is never subject to any rule;
 * - durations in hours are real elapsed hours (48 hours across a clock change is still 48 hours).
 *
 * The therapist_away kind holds no periods: absences live in their own table and are passed to
 * the engine as a list. The rule says how to treat them (which purposes go to the covering
 * clinician; everything else waits until the therapist is back). Absences only count while an
 * active therapist_away rule exists.
 */
import { z } from 'zod'
import { instantSchema } from '../time/instant-range'
import { CHANNELS, PURPOSES, SEVERITIES } from '../vocabulary'
import type { ContactChannel, Purpose } from '../vocabulary'

export const RULE_KINDS = [
  'buffer_after_session',
  'contact_hours',
  'channel_for_purpose',
  'clinical_in_session',
  'frequency_cap',
  'length_cap',
  'response_expectation',
  'wait_for_next_session',
  'journal_first',
  'therapist_away',
  'pause_after_event',
  'worksheet',
  'custom_confirm',
  'coaching_before_not_after',
] as const
export type RuleKind = (typeof RULE_KINDS)[number]

const purpose = z.enum(PURPOSES)
const channel = z.enum(CHANNELS)
const purposes = z.array(purpose).max(PURPOSES.length)
const channels = z.array(channel).max(CHANNELS.length)
const hours = z
  .number()
  .min(0.25)
  .max(24 * 60)
const text = (max: number) => z.string().trim().max(max)

/** "HH:MM", 00:00–23:59, or "24:00" (only meaningful as a window end). */
export const timeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day as HH:MM')

/** Minutes after midnight for an "HH:MM" string (already validated). */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

/**
 * A window on the given days from `start` to `end`. An end earlier than the start crosses
 * midnight: 20:00–02:00 on Friday runs from Friday 20:00 to Saturday 02:00 (the days are the days
 * the window opens).
 */
export const weeklyWindowSchema = z
  .strictObject({
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    start: timeOfDaySchema,
    end: timeOfDaySchema,
  })
  .refine((w) => minutesOfDay(w.start) !== minutesOfDay(w.end) && w.start !== '24:00', {
    message: 'a window must not start and end at the same time',
    path: ['end'],
  })
export type WeeklyWindow = z.infer<typeof weeklyWindowSchema>

export const ruleParamsSchemas = {
  /** 1. No non-urgent contact for `hours` after a session ends; listed purposes are exempt. */
  buffer_after_session: z.strictObject({ hours, exemptPurposes: purposes }),
  /** 2. Weekly windows in the therapist's zone. Exempt purposes/channels may go any time. */
  contact_hours: z.strictObject({
    windows: z.array(weeklyWindowSchema).min(1).max(21),
    exemptPurposes: purposes,
    exemptChannels: channels,
  }),
  /**
   * 3. Which channels are agreed for which purposes. A purpose listed in no entry may use any
   * channel except the `never` ones; a listed purpose may use the union of its entries' channels.
   */
  channel_for_purpose: z.strictObject({
    allowed: z
      .array(z.strictObject({ purposes: purposes.min(1), channels: channels.min(1) }))
      .max(PURPOSES.length * 2),
    never: channels,
  }),
  /** 4. For these purposes the answer is "bring it to your next session". */
  clinical_in_session: z.strictObject({ purposes: purposes.min(1) }),
  /**
   * 5. At most `max` sent messages per day or week for these purposes. `calendar` counts per
   * calendar day / Monday-to-Sunday week in the therapist's zone; `rolling` counts the last 24
   * hours / 7 days.
   */
  frequency_cap: z.strictObject({
    max: z.number().int().min(1).max(100),
    period: z.enum(['day', 'week']),
    counting: z.enum(['calendar', 'rolling']),
    purposes,
  }),
  /** 6. Written messages longer than `maxChars` should be a call or a session instead. */
  length_cap: z.strictObject({
    maxChars: z.number().int().min(1).max(100_000),
    /** The channels the cap applies to (written ones). */
    channels: channels.min(1),
    /** What to use instead. */
    alternatives: channels.min(1),
  }),
  /**
   * 7. The therapist replies within `amount` hours or business days (Monday to Friday, therapist's
   * zone); a second message on the same matter before then, with no reply yet, is discouraged.
   */
  response_expectation: z.strictObject({
    amount: z.number().min(0.25).max(720),
    unit: z.enum(['hours', 'business_days']),
    purposes,
  }),
  /** 8. If the next scheduled session starts within `withinDays`, non-exempt things wait for it. */
  wait_for_next_session: z.strictObject({
    withinDays: z.number().min(0.25).max(60),
    exemptPurposes: purposes,
  }),
  /** 9. Write it down first: a reflection in the last `withinHours`, or the person's word. */
  journal_first: z.strictObject({ withinHours: hours, purposes }),
  /**
   * 10. While the therapist is away (absences list), these purposes go to the covering clinician;
   * the rest wait until the therapist is back. Periods are not stored here.
   */
  therapist_away: z.strictObject({ coverPurposes: purposes, note: text(500) }),
  /** 11. No coaching contact for `hours` after a logged event, with the agreed alternative. */
  pause_after_event: z.strictObject({ hours, purposes, alternative: text(500) }),
  /** 12. Questions to answer before contact. */
  worksheet: z.strictObject({
    questions: z.array(z.string().trim().min(1).max(300)).min(1).max(12),
    purposes,
  }),
  /** 13. Something to confirm, in the person's own words. */
  custom_confirm: z.strictObject({ prompt: z.string().trim().min(1).max(500), purposes }),
  /**
   * 14. DBT phone coaching: for before a target behaviour; no coaching contact for `hours` after a
   * logged one. While that pause runs the answer is the crisis plan, never "wait".
   */
  coaching_before_not_after: z.strictObject({ hours, purposes, alternative: text(500) }),
} as const satisfies Record<RuleKind, z.ZodType>

export type RuleParams<K extends RuleKind> = z.infer<(typeof ruleParamsSchemas)[K]>

const member = <K extends RuleKind>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), params: ruleParamsSchemas[kind] })

export const ruleBodySchema = z.discriminatedUnion('kind', [
  member('buffer_after_session'),
  member('contact_hours'),
  member('channel_for_purpose'),
  member('clinical_in_session'),
  member('frequency_cap'),
  member('length_cap'),
  member('response_expectation'),
  member('wait_for_next_session'),
  member('journal_first'),
  member('therapist_away'),
  member('pause_after_event'),
  member('worksheet'),
  member('custom_confirm'),
  member('coaching_before_not_after'),
])
export type RuleBody = z.infer<typeof ruleBodySchema>
export type RuleBodyOf<K extends RuleKind> = Extract<RuleBody, { kind: K }>

export const ruleCommonSchema = z.strictObject({
  severity: z.enum(SEVERITIES),
  /** The agreement in its own words, as the person wrote it down. */
  agreementText: z.string().max(2000),
  /** When it was agreed (epoch ms), if known. */
  agreedOn: instantSchema.nullable(),
  /** When to look at it again together (epoch ms), if planned. */
  reviewBy: instantSchema.nullable(),
  active: z.boolean(),
})
export type RuleCommon = z.infer<typeof ruleCommonSchema>

/** A rule as the engine sees it: kind + params, the agreement's details, identity. */
export type Rule = RuleBody & RuleCommon & { id: string; therapistId: string; version: number }
export type RuleOf<K extends RuleKind> = RuleBodyOf<K> &
  RuleCommon & { id: string; therapistId: string; version: number }

const WRITTEN: ContactChannel[] = ['text', 'email', 'portal', 'social']
const URGENT: Purpose[] = ['concern', 'significant_event']

const defaults: { [K in RuleKind]: () => RuleParams<K> } = {
  buffer_after_session: () => ({ hours: 48, exemptPurposes: [...URGENT] }),
  contact_hours: () => ({
    windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
    exemptPurposes: [],
    exemptChannels: [],
  }),
  channel_for_purpose: () => ({
    allowed: [
      { purposes: ['scheduling'], channels: ['text', 'email', 'portal', 'phone', 'voicemail'] },
      { purposes: ['admin'], channels: ['email', 'portal'] },
      {
        purposes: ['update', 'question', 'concern', 'significant_event'],
        channels: ['portal', 'phone', 'voicemail'],
      },
    ],
    never: ['social'],
  }),
  clinical_in_session: () => ({ purposes: ['update', 'question'] }),
  frequency_cap: () => ({
    max: 1,
    period: 'day',
    counting: 'calendar',
    purposes: ['update', 'question'],
  }),
  length_cap: () => ({ maxChars: 500, channels: [...WRITTEN], alternatives: ['phone', 'video'] }),
  response_expectation: () => ({ amount: 2, unit: 'business_days', purposes: [] }),
  wait_for_next_session: () => ({
    withinDays: 2,
    exemptPurposes: ['scheduling', 'admin', ...URGENT],
  }),
  journal_first: () => ({ withinHours: 24, purposes: ['update', 'question', 'concern'] }),
  therapist_away: () => ({ coverPurposes: [...URGENT], note: '' }),
  pause_after_event: () => ({
    hours: 24,
    purposes: [],
    alternative: 'Use the coping steps on my plan, and reach out to someone on my support list.',
  }),
  worksheet: () => ({
    questions: [
      'What happened?',
      'What have I tried already?',
      'What do I need from my therapist?',
      'What will I do if they cannot answer straight away?',
    ],
    purposes: ['concern', 'significant_event'],
  }),
  custom_confirm: () => ({
    prompt: 'I have thought about whether this can wait for my next session.',
    purposes: [],
  }),
  coaching_before_not_after: () => ({
    hours: 24,
    purposes: [],
    alternative: 'Use my crisis plan and the skills on my diary card, and get medical help if I am hurt.',
  }),
}

/** Template params for a new rule of this kind (a fresh object each call). */
export function defaultRuleParams<K extends RuleKind>(kind: K): RuleParams<K> {
  return defaults[kind]()
}

/** A full template body for the kind, valid against ruleBodySchema. */
export function defaultRuleBody<K extends RuleKind>(kind: K): RuleBodyOf<K> {
  return { kind, params: defaultRuleParams(kind) } as unknown as RuleBodyOf<K>
}

/** Kinds that shape *when* contact fits (they feed the earliest-time solver). */
export const TIMING_KINDS = [
  'buffer_after_session',
  'contact_hours',
  'frequency_cap',
  'response_expectation',
  'therapist_away',
  'pause_after_event',
] as const satisfies readonly RuleKind[]

/** Kinds satisfied by the person's confirmation. */
export const CONFIRM_KINDS = [
  'journal_first',
  'worksheet',
  'custom_confirm',
] as const satisfies readonly RuleKind[]
