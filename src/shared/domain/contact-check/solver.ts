/**
 * The earliest moment every timing rule is met, as a fixpoint: start at now; ask each rule for
 * the earliest instant ≥ t at which it is met; move t to the latest answer; repeat until no rule
 * moves it. Each rule's `next` is exact (met there, not met anywhere between t and there), so the
 * first t that no rule moves is the least instant ≥ now that meets them all: no earlier instant
 * can be skipped, because any instant that meets every rule is ≥ each rule's answer.
 */
export interface TimingConstraint {
  ruleId: string
  /** The earliest instant ≥ t at which this rule is met, or null when none by the limit. */
  next: (t: number) => number | null
}

export type Solution = { at: number } | { at: null; conflictingRuleIds: string[] }

export function earliestTime(
  constraints: readonly TimingConstraint[],
  now: number,
  limit: number,
): Solution {
  let t = now
  const pushed: string[] = []
  const noteMover = (id: string): void => {
    if (!pushed.includes(id)) pushed.push(id)
  }
  // Every pass either ends or moves t forward past a boundary of some rule's data; the guard is
  // a safety net far beyond anything reachable within 60 days of real data.
  for (let pass = 0; pass < 100_000; pass++) {
    let moved = false
    for (const c of constraints) {
      const n = c.next(t)
      if (n === null) {
        noteMover(c.ruleId)
        return { at: null, conflictingRuleIds: pushed }
      }
      if (n > t) {
        t = n
        moved = true
        noteMover(c.ruleId)
        if (t > limit) return { at: null, conflictingRuleIds: pushed }
      }
    }
    if (!moved) return { at: t }
  }
  return { at: null, conflictingRuleIds: pushed }
}
