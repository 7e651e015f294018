/**
 * The verdict, from what the unmet blocking rules ask for, strongest first:
 * crisis plan → covering clinician → another channel → bring it to the session → wait until T →
 * confirm these items → send. Warn and info rules never change the verdict; they only speak.
 */
import type { ContactChannel } from '../vocabulary'
import { CHANNELS } from '../vocabulary'
import type { Ctx } from './context'
import type { Effect } from './rules/evaluator'
import type { ConfirmItem, RuleKind, Verdict } from './types'
import { HEADLINES } from './words'

export interface Ask {
  ruleId: string
  kind: RuleKind
  effect: Effect
}

export function decideVerdict(asks: readonly Ask[], earliestAt: number | null, ctx: Ctx): Verdict {
  // After a target behaviour, coaching pauses: the crisis plan and medical help come first.
  if (asks.some((a) => a.effect.type === 'crisis_first')) return { kind: 'crisis_plan', plan: ctx.crisisPlan, covering: null }
  const covering = asks.find((a) => a.effect.type === 'covering')
  if (covering?.effect.type === 'covering') {
    const { absence } = covering.effect
    return {
      kind: 'covering_clinician',
      absenceId: absence.id,
      name: absence.coveringName,
      contact: absence.coveringContact,
      until: absence.endsAt,
    }
  }

  const channelAsks = asks.flatMap((a) => (a.effect.type === 'channels' ? [a.effect] : []))
  if (channelAsks.length > 0) {
    const channels = chooseChannels(channelAsks)
    if (channels.length > 0) return { kind: 'use_other_channel', channels }
  }

  // No agreed channel fits at all: that is a conversation for the session.
  if (channelAsks.length > 0 || asks.some((a) => a.effect.type === 'session')) {
    const s = ctx.nextSession
    return {
      kind: 'bring_to_session',
      sessionId: s?.id ?? null,
      startsAt: s?.startsAt ?? null,
      talkingPoint: Boolean(ctx.request.draftText?.trim()),
    }
  }

  if (asks.some((a) => a.effect.type === 'wait')) return { kind: 'wait_until', at: earliestAt }

  const items: ConfirmItem[] = asks.flatMap((a) =>
    a.effect.type === 'confirm' ? [{ ruleId: a.ruleId, kind: a.kind, text: a.effect.text }] : [],
  )
  if (items.length > 0) return { kind: 'confirm', items }

  return { kind: 'send' }
}

/**
 * Channels that satisfy every channel ask; if none does, the agreed channels win over the
 * length advice; if the agreed ones contradict each other, none is offered.
 */
function chooseChannels(
  asks: ReadonlyArray<Extract<Effect, { type: 'channels' }>>,
): ContactChannel[] {
  const intersect = (sets: ReadonlyArray<readonly ContactChannel[]>): ContactChannel[] =>
    CHANNELS.filter((c) => sets.every((s) => s.includes(c)))
  const all = intersect(asks.map((a) => a.channels))
  if (all.length > 0) return all
  const agreed = asks.filter((a) => a.agreed)
  if (agreed.length > 0) return intersect(agreed.map((a) => a.channels))
  return asks[0]?.channels ?? []
}

export function headline(verdict: Verdict, ctx: Ctx): string {
  switch (verdict.kind) {
    case 'crisis_plan':
      return verdict.plan && hasContent(verdict.plan)
        ? HEADLINES.crisisWithPlan
        : HEADLINES.crisisNoPlan
    case 'covering_clinician':
      return HEADLINES.covering(verdict.name.trim())
    case 'use_other_channel':
      return HEADLINES.otherChannel(verdict.channels)
    case 'bring_to_session':
      return HEADLINES.session(verdict.startsAt === null ? null : ctx.words.when(verdict.startsAt))
    case 'wait_until':
      return verdict.at === null
        ? HEADLINES.noTime
        : HEADLINES.waitUntil(ctx.words.when(verdict.at))
    case 'confirm':
      return HEADLINES.confirm
    case 'send':
      return HEADLINES.send
  }
}

export function crisisHeadline(verdict: Extract<Verdict, { kind: 'crisis_plan' }>): string {
  return verdict.plan && hasContent(verdict.plan)
    ? HEADLINES.crisisWithPlan
    : HEADLINES.crisisNoPlan
}

function hasContent(plan: NonNullable<Extract<Verdict, { kind: 'crisis_plan' }>['plan']>): boolean {
  return (
    plan.steps.length + plan.people.length + plan.crisisLines.length > 0 ||
    plan.emergencyNumber.trim() !== ''
  )
}
