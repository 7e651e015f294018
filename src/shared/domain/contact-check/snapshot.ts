/**
 * What the contact check reads from the vault for one therapist, gathered once (the core's
 * gatherer), and the check asked over it. The core answers `contactCheck.evaluate` with it; the
 * renderer fetches the same snapshot (`contactCheck.inputs`) and asks it again on every change
 * of purpose, channel or text, so the answer is drawn in the same frame as the change.
 */
import { z } from 'zod'
import { RULE_KINDS, ruleCommonSchema, ruleParamsSchemas, type Rule } from '../rules/rule-kinds'
import { CHANNELS, CONTACT_DIRECTIONS, PURPOSES, SESSION_STATUSES } from '../vocabulary'
import { evaluateContact } from './evaluate'
import { crisisPlanSummarySchema, HORIZON_DAYS, type ContactCheckResult, type ContactRequest } from './types'
import { DAY } from './zone'

// Not strict: the stored rule's own fields (when created, who proposed it) are left out here.
const engineRule = <K extends (typeof RULE_KINDS)[number]>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    params: ruleParamsSchemas[kind],
    ...ruleCommonSchema.shape,
    id: z.string(),
    therapistId: z.string(),
    version: z.number(),
  })

const engineRuleSchema = z.discriminatedUnion(
  'kind',
  RULE_KINDS.map(engineRule) as unknown as [ReturnType<typeof engineRule>, ...ReturnType<typeof engineRule>[]],
) as unknown as z.ZodType<Rule>

export const contactCheckSnapshotSchema = z.strictObject({
  /** The core's clock when it was gathered: the windows below are cut there. */
  gatheredAt: z.number(),
  therapist: z.strictObject({ id: z.string(), name: z.string(), timeZone: z.string() }),
  /** The therapist's active agreements, as the engine reads them. */
  rules: z.array(engineRuleSchema),
  /** From the start of the history the rules can look back over to past the solver's horizon. */
  sessions: z.array(
    z.strictObject({ id: z.string(), startsAt: z.number(), durationMinutes: z.number(), status: z.enum(SESSION_STATUSES) }),
  ),
  /** The contact log over the history the rules can look back over, oldest first. */
  contacts: z.array(
    z.strictObject({ direction: z.enum(CONTACT_DIRECTIONS), channel: z.enum(CHANNELS), purpose: z.enum(PURPOSES), at: z.number() }),
  ),
  lastReflectionAt: z.number().nullable(),
  /** Absences not over when gathered. */
  absences: z.array(
    z.strictObject({ id: z.string(), startsAt: z.number(), endsAt: z.number(), coveringName: z.string(), coveringContact: z.string() }),
  ),
  /** Only when asked for (the crisis answer shows it); null otherwise or without a saved plan. */
  crisisPlan: crisisPlanSummarySchema.nullable(),
})
export type ContactCheckSnapshot = z.infer<typeof contactCheckSnapshotSchema>

export interface ContactAsk {
  now: number
  personZone: string
  locale?: string
  request: ContactRequest
}

/** The check over a gathered snapshot. Pure and cheap: safe to run on every keystroke. */
export function evaluateSnapshot(snapshot: ContactCheckSnapshot, ask: ContactAsk): ContactCheckResult {
  return evaluateContact({
    now: ask.now,
    personZone: ask.personZone,
    ...(ask.locale !== undefined ? { locale: ask.locale } : {}),
    request: ask.request,
    therapist: snapshot.therapist,
    rules: snapshot.rules,
    sessions: snapshot.sessions,
    contacts: snapshot.contacts,
    lastReflectionAt: snapshot.lastReflectionAt,
    absences: snapshot.absences,
    events: snapshot.contacts.filter((c) => c.purpose === 'significant_event'),
    crisisPlan: snapshot.crisisPlan,
  })
}

/**
 * Until when a snapshot answers for a later `now`: its sessions reach one day past the solver's
 * horizon (see the gatherer), so half a day keeps a margin. Vault changes invalidate it sooner.
 */
export function snapshotGoodUntil(snapshot: ContactCheckSnapshot): number {
  return snapshot.gatheredAt + DAY / 2
}

/** The sessions window the gatherer reads, relative to its clock. */
export const SESSIONS_AHEAD_MS = (HORIZON_DAYS + 1) * DAY
