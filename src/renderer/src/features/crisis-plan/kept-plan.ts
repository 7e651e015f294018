/**
 * A crisis plan kept by sync (the whole plan, stored as JSON text) in words: only the sections
 * that differ from the plan as it is now, one per line under its title, so the person sees what
 * the edit made on the other computer replaced.
 */
import type { CrisisPlan } from '../../../../shared/ipc/schemas/crisis-plan'
import type { KeptValue } from '../sync/entry-history-value'
import { crisisPlanStrings as s } from './crisis-plan.strings'

type Sections = Omit<CrisisPlan, 'updatedAt'>

const IN_ORDER: ReadonlyArray<keyof Sections> = ['warningSigns', 'copingStrategies', 'distractions', 'helpers', 'professionals', 'crisisLines', 'emergencyNumber', 'safeEnvironment', 'reasonsToLive']

const titleOf = (key: keyof Sections): string => (key === 'emergencyNumber' ? s.sections.emergencyNumber.label : s.sections[key].title)

/** A step as written; a person, place or line as its non-empty parts (name, phone…). */
const itemText = (item: unknown): string =>
  typeof item === 'string' ? item : Object.values(item as Record<string, unknown>).filter((part) => typeof part === 'string' && part !== '').join(' ')

function sectionText(value: unknown): string {
  const items = Array.isArray(value) ? value.map(itemText) : [typeof value === 'string' ? value : '']
  const written = items.filter((item) => item !== '')
  return written.length > 0 ? written.join('; ') : s.kept.empty
}

function parsed(value: KeptValue): Partial<Record<keyof Sections, unknown>> | null {
  if (typeof value !== 'string') return null
  try {
    const plan = JSON.parse(value) as unknown
    return typeof plan === 'object' && plan !== null && !Array.isArray(plan) ? (plan as Partial<Record<keyof Sections, unknown>>) : null
  } catch {
    return null
  }
}

export function keptPlanText(value: KeptValue, now: Sections): string {
  const kept = parsed(value)
  if (!kept) return s.kept.unreadable
  const differing = IN_ORDER.filter((key) => key in kept && JSON.stringify(kept[key]) !== JSON.stringify(now[key]))
  if (differing.length === 0) return s.kept.sameAsNow
  return differing.map((key) => `${titleOf(key)}: ${sectionText(kept[key])}`).join('\n')
}
