/** 3. Which channels are agreed for which purposes, and which are never used. */
import type { RuleOf } from '../../rules/rule-kinds'
import type { ContactChannel, Purpose } from '../../vocabulary'
import { CHANNELS } from '../../vocabulary'
import { list } from '../format'
import {
  CHANNEL_BARE,
  CHANNEL_ONE,
  PURPOSE_ONE,
  capitalise,
  channelsBareOr,
  purposesAnd,
} from '../words'
import type { Evaluator } from './evaluator'

/** The channels this rule accepts for a purpose (never-channels removed). */
export function agreedChannels(
  rule: RuleOf<'channel_for_purpose'>,
  purpose: Purpose,
): ContactChannel[] {
  const listed = rule.params.allowed.filter((entry) => entry.purposes.includes(purpose))
  const base =
    listed.length > 0 ? new Set(listed.flatMap((entry) => entry.channels)) : new Set(CHANNELS)
  return CHANNELS.filter((c) => base.has(c) && !rule.params.never.includes(c))
}

export const channelForPurpose: Evaluator<'channel_for_purpose'> = {
  paraphrase: (rule) => {
    const parts = rule.params.allowed.map(
      (entry) => `${channelsBareOr(entry.channels)} for ${purposesAnd(entry.purposes)}`,
    )
    if (rule.params.never.length > 0) parts.push(`never ${channelsBareOr(rule.params.never)}`)
    if (parts.length === 0) return 'to use any channel'
    return `to use ${parts.length > 2 ? `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}` : list(parts, 'and')}`
  },
  check: (rule, ctx) => {
    const applies = ctx.purpose !== 'crisis'
    return {
      applies,
      outcome: () => {
        if (!applies) return { met: true, detail: '' }
        const agreed = agreedChannels(rule, ctx.purpose)
        const about = PURPOSE_ONE[ctx.purpose]
        if (agreed.includes(ctx.channel)) {
          return {
            met: true,
            detail: `${capitalise(CHANNEL_ONE[ctx.channel])} is one of the agreed ways for ${about}.`,
          }
        }
        const others = agreed.filter((c) => c !== ctx.channel)
        const instead =
          others.length > 0
            ? `For ${about}, the agreed ${others.length === 1 ? 'way is' : 'ways are'} ${channelsBareOr(others)}.`
            : `No channel is agreed for ${about}; it may be one to raise in a session.`
        const why = rule.params.never.includes(ctx.channel)
          ? `You agreed not to use ${CHANNEL_BARE[ctx.channel]}.`
          : `${capitalise(CHANNEL_ONE[ctx.channel])} is not one of the agreed ways for this.`
        return {
          met: false,
          detail: `${why} ${instead}`,
          effect: { type: 'channels', channels: others, agreed: true },
        }
      },
    }
  },
}
