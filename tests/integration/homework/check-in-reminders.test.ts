import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { REMINDER_TEXT } from '../../../src/main/core/reminders/reminder-text'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

const DAY = 86_400_000
let vault: TestVault
beforeEach(async () => {
  vault = await createTestVault()
})
afterEach(() => vault.cleanup())

const cadence = (phq9: 'off' | 'every_session' | 'weekly' | 'fortnightly', gad7: typeof phq9 = 'off') =>
  vault.core.diaryCard.saveSettings({ ...vault.core.diaryCard.settings(), checkIns: { phq9, gad7 } })
const pending = () => vault.core.reminders.upcoming(vault.clock.now() + 60 * DAY).filter((r) => r.kind === 'check_in_due')

describe('check-in reminders follow the cadence the person set', () => {
  it('weekly and fortnightly count from the last check-in; off removes them', () => {
    const now = vault.clock.now()
    const last = vault.core.checkIns.create({ questionnaire: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], takenAt: now - DAY, note: '' })
    vault.core.checkIns.create({ questionnaire: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0], takenAt: now - 2 * DAY, note: '' })
    cadence('weekly', 'fortnightly')
    vault.core.reminders.sync()
    expect(pending().map((r) => r.dueAt).sort()).toEqual([last.takenAt + 7 * DAY, now - 2 * DAY + 14 * DAY].sort())
    cadence('off')
    vault.core.reminders.sync()
    expect(pending()).toEqual([])
  })

  it('every session: the day before, at noon in the session zone, until one is filled in', () => {
    const now = vault.clock.now() // 3 March 2026 09:00 UTC
    vault.core.sessions.create({ therapistId: null, startsAt: Date.UTC(2026, 2, 6, 15), timeZone: 'Europe/London', durationMinutes: 50, format: 'video', status: 'scheduled', notes: '', moodBefore: null, moodAfter: null, takeaways: '', homework: [] })
    cadence('every_session')
    vault.core.reminders.sync()
    expect(pending().map((r) => r.dueAt)).toEqual([Date.UTC(2026, 2, 5, 12)])
    expect(REMINDER_TEXT.check_in_due).not.toMatch(/PHQ|GAD|score|!/)
    vault.core.checkIns.create({ questionnaire: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], takenAt: now, note: '' })
    vault.core.reminders.sync()
    // No session has started yet, so "since the last session" is since the beginning: done.
    expect(pending()).toEqual([])
  })
})
