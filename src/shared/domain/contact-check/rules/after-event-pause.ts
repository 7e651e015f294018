/**
 * The pause after each logged event that "pause after an event" and "coaching before, not after"
 * both agree: whether it concerns this purpose, when it next ends, the event that started it and
 * what the person agreed to do instead.
 */
import type { Purpose } from '../../vocabulary'
import { afterWindows, covers, lowerBound, type Ctx } from '../context'
import { quote } from '../words'
import { HOUR } from '../zone'

interface PauseParams {
  hours: number
  purposes: readonly Purpose[]
  alternative: string
}

export function afterEventPause(params: PauseParams, ctx: Ctx) {
  const span = params.hours * HOUR
  const alternative = params.alternative.trim()
  return {
    applies: covers(params.purposes, ctx.purpose),
    /** Paused: [event, event + span) for each logged event. */
    next: (t: number): number | null => afterWindows(ctx.events, span, t),
    /** The last event logged up to now, if any. */
    lastEvent: ctx.events[lowerBound(ctx.events, ctx.now + 1) - 1] as number | undefined,
    instead: alternative ? ` What you agreed to do instead: ${quote(alternative)}` : '',
  }
}
