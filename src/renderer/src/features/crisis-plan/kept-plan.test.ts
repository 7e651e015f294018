import { describe, expect, it } from 'vitest'
import { keptPlanText } from './kept-plan'

const plan = {
  warningSigns: ['Not sleeping', 'Staying in bed'],
  copingStrategies: ['Breathe slowly'],
  distractions: [],
  helpers: [{ name: 'Sam', phone: '07700 900123' }],
  professionals: [],
  crisisLines: [],
  emergencyNumber: '999',
  safeEnvironment: [],
  reasonsToLive: [],
}

describe('a crisis plan kept from the other computer, in words', () => {
  it('lists only the sections that differ from the plan now, each under its title, in the plan’s order', () => {
    const kept = JSON.stringify({ ...plan, warningSigns: ['Not sleeping', 'Skipping meals'], helpers: [], emergencyNumber: '112' })
    expect(keptPlanText(kept, plan)).toBe('1. Warning signs: Not sleeping; Skipping meals\n4. People I can ask for help: (empty)\nEmergency number: 112')
  })

  it('reads a person or a line as its written parts', () => {
    const kept = JSON.stringify({ ...plan, helpers: [{ name: 'Ana', phone: '' }], crisisLines: [{ name: 'Samaritans', phone: '116 123', url: '' }] })
    expect(keptPlanText(kept, plan)).toBe('4. People I can ask for help: Ana\nCrisis lines: Samaritans 116 123')
  })

  it('says when nothing differs, and when the kept value cannot be read', () => {
    expect(keptPlanText(JSON.stringify(plan), plan)).toBe('The same as your plan now.')
    for (const bad of ['{not json', '[1,2]', 'null', 42, null]) expect(keptPlanText(bad, plan)).toBe('A plan Between could not read.')
  })
})
