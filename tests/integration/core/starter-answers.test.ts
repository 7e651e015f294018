import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../../src/main/core/ids'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

const rows = () => vault.core.vault.db().prepare('SELECT therapist_id, question_id, answer, updated_at FROM starter_answers ORDER BY question_id').all()

describe('starterAnswers: what the person answered in the starter walk-through', () => {
  it('saves, reads back in the questions’ order, and a new save replaces the earlier answers', async () => {
    const therapist = vault.core.therapists.create({ name: 'Dr Rao', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    expect(await dispatch(vault.handlers, 'starterAnswers.get', { therapistId: therapist.id })).toEqual({
      ok: true,
      value: { therapistId: therapist.id, answers: [], updatedAt: null },
    })
    vault.clock.set(Date.UTC(2026, 2, 9, 10))
    const saved = await dispatch(vault.handlers, 'starterAnswers.save', {
      therapistId: therapist.id,
      answers: [
        { questionId: 'urgent', answer: '  A concern, or something big.  ' },
        { questionId: 'buffer', answer: 'A day after a session.' },
      ],
    })
    expect(saved).toEqual({
      ok: true,
      value: {
        therapistId: therapist.id,
        answers: [
          { questionId: 'buffer', answer: 'A day after a session.' },
          { questionId: 'urgent', answer: 'A concern, or something big.' },
        ],
        updatedAt: Date.UTC(2026, 2, 9, 10),
      },
    })
    await dispatch(vault.handlers, 'starterAnswers.save', { therapistId: therapist.id, answers: [{ questionId: 'hours', answer: 'Weekdays, 9 to 5.' }] })
    const again = await dispatch(vault.handlers, 'starterAnswers.get', { therapistId: therapist.id })
    expect(again).toMatchObject({ ok: true, value: { answers: [{ questionId: 'hours', answer: 'Weekdays, 9 to 5.' }] } })

    // The answers go with their therapist.
    await dispatch(vault.handlers, 'therapists.delete', { id: therapist.id })
    expect(rows()).toEqual([])
  })

  it('bad input gets a typed error and changes nothing', async () => {
    const therapist = vault.core.therapists.create({ name: 'Dr Rao', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })
    await dispatch(vault.handlers, 'starterAnswers.save', { therapistId: therapist.id, answers: [{ questionId: 'buffer', answer: 'A day.' }] })
    const before = rows()
    const bad = [
      { therapistId: therapist.id, answers: [{ questionId: 'weather', answer: 'Sunny.' }] },
      { therapistId: therapist.id, answers: [{ questionId: 'buffer', answer: '   ' }] },
      { therapistId: therapist.id, answers: [{ questionId: 'buffer', answer: 'x'.repeat(2001) }] },
      { therapistId: therapist.id, answers: [{ questionId: 'buffer', answer: 'One.' }, { questionId: 'buffer', answer: 'Two.' }] },
      { therapistId: therapist.id, answers: [], extra: true },
    ]
    for (const input of bad) {
      expect(await dispatch(vault.handlers, 'starterAnswers.save', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(await dispatch(vault.handlers, 'starterAnswers.save', { therapistId: newId(), answers: [] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await dispatch(vault.handlers, 'starterAnswers.get', { therapistId: newId() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(rows()).toEqual(before)
  })
})
