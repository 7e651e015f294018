import type { CrisisPlanSummary } from './types'

/** The parts of a stored crisis plan (Stanley–Brown order) the contact check shows. */
export interface CrisisPlanLike {
  copingStrategies?: readonly string[]
  helpers?: ReadonlyArray<{ name: string; phone?: string }>
  professionals?: ReadonlyArray<{ name: string; phone?: string; role?: string }>
  crisisLines?: ReadonlyArray<{ name: string; phone?: string; url?: string }>
  emergencyNumber?: string
}

/** Steps, people, crisis lines and the emergency number, in the plan's own order. */
export function summarizeCrisisPlan(plan: CrisisPlanLike): CrisisPlanSummary {
  return {
    steps: [...(plan.copingStrategies ?? [])],
    people: [
      ...(plan.helpers ?? []).map((p) => ({ name: p.name, phone: p.phone ?? '', role: '' })),
      ...(plan.professionals ?? []).map((p) => ({
        name: p.name,
        phone: p.phone ?? '',
        role: p.role ?? '',
      })),
    ],
    crisisLines: (plan.crisisLines ?? []).map((l) => ({
      name: l.name,
      phone: l.phone ?? '',
      url: l.url ?? '',
    })),
    emergencyNumber: plan.emergencyNumber ?? '',
  }
}
