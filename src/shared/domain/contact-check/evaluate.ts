/**
 * evaluateContact: the "Ready to contact?" answer. Pure: no clock, no I/O; everything it needs
 * comes in the input. Cheap enough to run on every keystroke.
 */
import type { Rule } from '../rules/rule-kinds'
import { CONFIRM_KINDS } from '../rules/rule-kinds'
import type { Ctx } from './context'
import { buildContext } from './context'
import { evaluators } from './rules'
import type { RuleCheck } from './rules/evaluator'
import type { TimingConstraint } from './solver'
import { earliestTime } from './solver'
import type { ContactCheckInput, ContactCheckResult, LineStatus, RuleLine, Verdict } from './types'
import type { Ask } from './verdict'
import { crisisHeadline, decideVerdict, headline } from './verdict'
import { CRISIS_LINE, quote } from './words'

const CONFIRM = new Set<string>(CONFIRM_KINDS)

export function evaluateContact(input: ContactCheckInput): ContactCheckResult {
  const rules = input.rules.filter((r) => r.active && r.therapistId === input.therapist.id)
  // Crisis first, on the shortest path: nothing else is read or checked.
  if (input.request.purpose === 'crisis') return crisisResult(input, rules)
  const ctx = buildContext(input, rules)

  const checks = rules.map((rule) => ({ rule, check: checkFor(rule, ctx) }))

  const constraints: TimingConstraint[] = []
  for (const { rule, check } of checks) {
    if (rule.severity === 'block' && check.applies && check.next)
      constraints.push({ ruleId: rule.id, next: check.next })
  }
  const solution = earliestTime(constraints, ctx.now, ctx.limit)

  const lines: RuleLine[] = []
  const asks: Ask[] = []
  for (const { rule, check } of checks) {
    const o = check.outcome()
    const status: LineStatus = o.met
      ? 'pass'
      : rule.severity === 'block'
        ? CONFIRM.has(rule.kind)
          ? 'needs_confirmation'
          : 'fail'
        : rule.severity
    if (!o.met && rule.severity === 'block' && o.effect)
      asks.push({ ruleId: rule.id, kind: rule.kind, effect: o.effect })
    lines.push({
      ruleId: rule.id,
      kind: rule.kind,
      severity: rule.severity,
      status,
      message: message(rule, ctx, o.detail, o.met),
      agreementText: rule.agreementText,
      until: o.met ? null : (o.until ?? null),
    })
  }

  const verdict = decideVerdict(asks, solution.at, ctx)
  return {
    evaluatedAt: ctx.now,
    verdict,
    headline: headline(verdict, ctx),
    lines,
    earliestAt: solution.at,
    noTimeWithinHorizon:
      solution.at === null ? { conflictingRuleIds: solution.conflictingRuleIds } : null,
    overridableRuleIds: lines
      .filter((l) => l.status === 'fail' || l.status === 'needs_confirmation')
      .map((l) => l.ruleId),
  }
}

function checkFor(rule: Rule, ctx: Ctx): RuleCheck {
  // The registry is keyed by kind, so the rule always matches its evaluator's parameter type.
  const evaluator = evaluators[rule.kind] as { check: (r: Rule, c: Ctx) => RuleCheck }
  return evaluator.check(rule, ctx)
}

/** "You agreed on 3 March to …." / "You agreed on 3 March: “…”": the agreement, in one sentence. */
export function agreementLead(rule: Rule, ctx: Ctx): string {
  const on = rule.agreedOn !== null ? ` on ${ctx.words.day(rule.agreedOn)}` : ''
  const own = rule.agreementText.trim()
  const paraphrase = evaluators[rule.kind] as { paraphrase: (r: Rule, c: Ctx) => string }
  return own ? `You agreed${on}: ${quote(own)}` : `You agreed${on} ${paraphrase.paraphrase(rule, ctx)}.`
}

/** The agreement's sentence + the detail (+ a review note). */
function message(rule: Rule, ctx: Ctx, detail: string, met: boolean): string {
  const lead = agreementLead(rule, ctx)
  const review =
    !met && rule.reviewBy !== null && rule.reviewBy <= ctx.now
      ? ` You had planned to look at this agreement again by ${ctx.words.day(rule.reviewBy)}.`
      : ''
  return detail ? `${lead} ${detail}${review}` : `${lead}${review}`
}

/** The crisis purpose: the plan first, always. No rule is checked and none can hide it. */
function crisisResult(input: ContactCheckInput, rules: readonly Rule[]): ContactCheckResult {
  const now = input.now
  let covering: Extract<Verdict, { kind: 'crisis_plan' }>['covering'] = null
  for (const a of input.absences) {
    if (
      a.startsAt <= now &&
      now < a.endsAt &&
      (a.coveringName.trim() || a.coveringContact.trim())
    ) {
      covering = { name: a.coveringName, contact: a.coveringContact, until: a.endsAt }
      break
    }
  }
  const verdict: Verdict = { kind: 'crisis_plan', plan: input.crisisPlan, covering }
  return {
    evaluatedAt: now,
    verdict,
    headline: crisisHeadline(verdict),
    lines: rules.map((rule) => ({
      ruleId: rule.id,
      kind: rule.kind,
      severity: rule.severity,
      status: 'pass',
      message: CRISIS_LINE,
      agreementText: rule.agreementText,
      until: null,
    })),
    earliestAt: now,
    noTimeWithinHorizon: null,
    overridableRuleIds: [],
  }
}
