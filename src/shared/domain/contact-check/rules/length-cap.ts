/** 6. Written messages over N characters should be a call or a session instead. */
import { list } from '../format'
import { CHANNEL_ONE, capitalise, channelsBareOr } from '../words'
import type { Evaluator } from './evaluator'

export const lengthCap: Evaluator<'length_cap'> = {
  paraphrase: (rule) =>
    `to keep messages by ${channelsBareOr(rule.params.channels)} under ${rule.params.maxChars} characters, and use ${list([...rule.params.alternatives.map((c) => CHANNEL_ONE[c]), 'a session'], 'or')} for longer things`,
  check: (rule, ctx) => {
    const { maxChars, channels, alternatives } = rule.params
    const applies = ctx.purpose !== 'crisis' && channels.includes(ctx.channel)
    return {
      applies,
      outcome: () => {
        if (!applies)
          return {
            met: true,
            detail: `This applies to written messages, not ${CHANNEL_ONE[ctx.channel]}.`,
          }
        const length = ctx.draftLength
        if (length === null) return { met: true, detail: 'There is no draft yet to measure.' }
        if (length <= maxChars)
          return { met: true, detail: `This draft is ${length} characters, within ${maxChars}.` }
        const instead = alternatives.filter((c) => c !== ctx.channel)
        return {
          met: false,
          detail: `This draft is ${length} characters, more than ${maxChars}. ${capitalise(list([...instead.map((c) => CHANNEL_ONE[c]), 'your next session'], 'or'))} may suit it better.`,
          effect:
            instead.length > 0
              ? { type: 'channels', channels: instead, agreed: false }
              : { type: 'session' },
        }
      },
    }
  },
}
