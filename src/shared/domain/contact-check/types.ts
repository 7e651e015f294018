/**
 * What the contact check receives and what it answers. The request part and the result have zod
 * schemas so the IPC contract can declare `contactCheck.evaluate`; the rest of the input is
 * gathered by the core from the store and is typed only.
 */
import { z } from 'zod'
import type { Rule, RuleKind } from '../rules/rule-kinds'
import { RULE_KINDS } from '../rules/rule-kinds'
import { CHANNELS, PURPOSES, SEVERITIES } from '../vocabulary'
import type { ContactChannel, ContactDirection, Purpose, SessionStatus } from '../vocabulary'

/** How far ahead the earliest-time solver looks. */
export const HORIZON_DAYS = 60

export const contactRequestSchema = z.strictObject({
  purpose: z.enum(PURPOSES),
  channel: z.enum(CHANNELS),
  /** The draft as typed so far; only its length is used. */
  draftText: z.string().max(200_000).optional(),
  /** The person says they have written it down first (journal_first). */
  journaled: z.boolean().optional(),
  /** IDs of rules whose item the person has confirmed. */
  confirmedItems: z.array(z.string().max(100)).max(200).optional(),
  /** The person has answered the before-contact worksheet. */
  worksheetAnswered: z.boolean().optional(),
  /**
   * What the message is about, to tell "the same matter" apart (response_expectation). Without it,
   * the same purpose counts as the same matter.
   */
  matterKey: z.string().max(200).optional(),
})
export type ContactRequest = z.infer<typeof contactRequestSchema>

export const crisisPlanSummarySchema = z.strictObject({
  /** Things to do, in order (coping steps). */
  steps: z.array(z.string()),
  people: z.array(z.strictObject({ name: z.string(), phone: z.string(), role: z.string() })),
  crisisLines: z.array(z.strictObject({ name: z.string(), phone: z.string(), url: z.string() })),
  emergencyNumber: z.string(),
})
export type CrisisPlanSummary = z.infer<typeof crisisPlanSummarySchema>

export interface CheckSession {
  id: string
  startsAt: number
  durationMinutes: number
  status: SessionStatus
}

export interface CheckContact {
  direction: ContactDirection
  channel: ContactChannel
  purpose: Purpose
  at: number
  matterKey?: string | null
}

export interface CheckAbsence {
  id: string
  startsAt: number
  endsAt: number
  coveringName: string
  coveringContact: string
}

export interface ContactCheckInput {
  /** The moment of the check, epoch ms. The engine never reads the clock. */
  now: number
  /** Where the person is: dates in messages are shown in this zone. */
  personZone: string
  /** BCP 47 locale for dates and times in messages; default 'en-GB'. */
  locale?: string
  therapist: { id: string; name: string; timeZone: string }
  request: ContactRequest
  /** Rules for this therapist; inactive ones and other therapists' rules are ignored. */
  rules: readonly Rule[]
  sessions: readonly CheckSession[]
  /** The contact log, in any order. */
  contacts: readonly CheckContact[]
  reflections?: readonly { createdAt: number }[]
  /** Shortcut when only the latest reflection is known. */
  lastReflectionAt?: number | null
  absences: readonly CheckAbsence[]
  /** Logged events, for pause_after_event. */
  events: readonly { at: number }[]
  crisisPlan: CrisisPlanSummary | null
}

export const LINE_STATUSES = ['pass', 'fail', 'warn', 'info', 'needs_confirmation'] as const
export type LineStatus = (typeof LINE_STATUSES)[number]

export const ruleLineSchema = z.strictObject({
  ruleId: z.string(),
  kind: z.enum(RULE_KINDS),
  severity: z.enum(SEVERITIES),
  status: z.enum(LINE_STATUSES),
  /** One or two plain sentences: the agreement, when it was made, and what it means now. */
  message: z.string(),
  agreementText: z.string(),
  /** For a timing rule that is not met: when this rule alone would be met (null: not within the horizon). */
  until: z.number().nullable(),
})
export type RuleLine = z.infer<typeof ruleLineSchema>

const confirmItemSchema = z.strictObject({
  ruleId: z.string(),
  kind: z.enum(RULE_KINDS),
  /** What to confirm, in plain words. */
  text: z.string(),
})
export type ConfirmItem = z.infer<typeof confirmItemSchema>

export const verdictSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('crisis_plan'),
    plan: crisisPlanSummarySchema.nullable(),
    /** When the therapist is away right now: who covers. */
    covering: z
      .strictObject({ name: z.string(), contact: z.string(), until: z.number() })
      .nullable(),
  }),
  z.strictObject({
    kind: z.literal('covering_clinician'),
    absenceId: z.string(),
    name: z.string(),
    contact: z.string(),
    until: z.number(),
  }),
  z.strictObject({
    kind: z.literal('use_other_channel'),
    channels: z.array(z.enum(CHANNELS)).min(1),
  }),
  z.strictObject({
    kind: z.literal('bring_to_session'),
    sessionId: z.string().nullable(),
    startsAt: z.number().nullable(),
    /** The draft has text that could be kept as a talking point. */
    talkingPoint: z.boolean(),
  }),
  /** at null: no time within the horizon satisfies the timing rules. */
  z.strictObject({ kind: z.literal('wait_until'), at: z.number().nullable() }),
  z.strictObject({ kind: z.literal('confirm'), items: z.array(confirmItemSchema).min(1) }),
  z.strictObject({ kind: z.literal('send') }),
])
export type Verdict = z.infer<typeof verdictSchema>
export type VerdictKind = Verdict['kind']

/** The verdicts, strongest first. */
export const VERDICT_PRECEDENCE = [
  'crisis_plan',
  'covering_clinician',
  'use_other_channel',
  'bring_to_session',
  'wait_until',
  'confirm',
  'send',
] as const satisfies readonly VerdictKind[]

export const contactCheckResultSchema = z.strictObject({
  evaluatedAt: z.number(),
  verdict: verdictSchema,
  /** One calm sentence that says what the verdict means. */
  headline: z.string(),
  lines: z.array(ruleLineSchema),
  /**
   * The earliest moment ≥ now at which every blocking timing rule is met (buffer, contact hours,
   * frequency, response time, absences, pauses); null when none within the horizon.
   */
  earliestAt: z.number().nullable(),
  noTimeWithinHorizon: z.strictObject({ conflictingRuleIds: z.array(z.string()) }).nullable(),
  /** The rules that "send anyway" goes against (logged with the contact). */
  overridableRuleIds: z.array(z.string()),
})
export type ContactCheckResult = z.infer<typeof contactCheckResultSchema>

export type { Rule, RuleKind }
