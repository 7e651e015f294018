import type { Ctx } from '../context'

/** "Your next session is Thursday 10:00. You could keep this as a talking point and bring it then." */
export function sessionSentence(ctx: Ctx): string {
  const keep = ctx.request.draftText?.trim()
    ? ' You could keep this draft as a talking point and bring it then.'
    : ''
  return ctx.nextSession
    ? `Your next session is ${ctx.words.when(ctx.nextSession.startsAt)}.${keep || ' You could bring it then.'}`
    : `There is no session booked yet.${keep || ' You could bring it to the next one.'}`
}
