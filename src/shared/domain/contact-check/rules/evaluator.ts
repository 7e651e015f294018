/**
 * The common shape of a rule check. Each kind's file exports one `Evaluator`: given the rule and
 * the shared context it prepares a `RuleCheck`, which the engine asks for
 * - `applies`: whether the rule concerns this request at all (purpose, channel exemptions);
 * - `next(t)` (timing kinds only): the earliest instant ≥ t at which this rule alone is met, or
 *   null if none before ctx.limit. It must be exact: met at the returned instant, not met at any
 *   instant in between. The solver relies on that.
 * - `outcome()`: whether the rule is met now, the plain sentence about it, and what it asks for
 *   when it is not (its effect on the verdict).
 */
import type { RuleKind, RuleOf } from '../../rules/rule-kinds'
import type { CheckAbsence } from '../types'
import type { ContactChannel } from '../../vocabulary'
import type { Ctx } from '../context'

export type Effect =
  | { type: 'covering'; absence: CheckAbsence }
  | { type: 'channels'; channels: ContactChannel[]; agreed: boolean }
  | { type: 'session' }
  | { type: 'wait' }
  | { type: 'confirm'; text: string }
  /** Coaching paused after a target behaviour: the crisis plan and medical help first. */
  | { type: 'crisis_first' }

export interface Outcome {
  met: boolean
  /** What the rule means for this request now (the sentence after "You agreed …"). */
  detail: string
  /** What the rule asks for when it is not met. */
  effect?: Effect
  /** Timing rules not met: when this rule alone would be met (null: not within the horizon). */
  until?: number | null
}

export interface RuleCheck {
  applies: boolean
  next?: (t: number) => number | null
  outcome: () => Outcome
}

export interface Evaluator<K extends RuleKind> {
  /** "to wait 48 hours after a session for anything other than …" (used when there is no agreement text). */
  paraphrase: (rule: RuleOf<K>, ctx: Ctx) => string
  check: (rule: RuleOf<K>, ctx: Ctx) => RuleCheck
}

/** The usual outcome for a timing rule, from its own `next`. */
export function timingOutcome(
  ctx: Ctx,
  next: (t: number) => number | null,
  sentences: { met: () => string; notMet: (until: number | null) => string },
  effect: Effect = { type: 'wait' },
): Outcome {
  const until = next(ctx.now)
  if (until === ctx.now) return { met: true, detail: sentences.met() }
  return { met: false, detail: sentences.notMet(until), effect, until }
}
