import { describe, expect, it } from 'vitest'
import { baseOf, updateSince } from './edit-base'

describe('an update as an editor sends it', () => {
  const shown = { id: 'r1', title: 'Evening', body: 'What went well?', createdAt: 1 }

  it('takes the saved fields, and only those, from the record as the editor showed it', () => {
    expect(updateSince('r1', { body: 'What went well? What was hard?' }, shown)).toEqual({
      id: 'r1',
      patch: { body: 'What went well? What was hard?' },
      base: { body: 'What went well?' },
    })
  })

  it('sends no base when the editor showed no record', () => {
    expect(updateSince('r1', { body: 'x' }, null)).toEqual({ id: 'r1', patch: { body: 'x' } })
  })

  it('leaves out of the base a field the record does not hold (an action such as retire)', () => {
    expect(baseOf({ active: false, retire: true }, { active: true, severity: 'warn' })).toEqual({ active: true })
  })

  it('keeps a field the editor showed empty', () => {
    expect(baseOf({ mood: 2 }, { mood: null })).toEqual({ mood: null })
  })
})
