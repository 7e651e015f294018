import type { z } from 'zod'
import { CHECK_IN_CADENCES, DEFAULT_DIARY_SETUP } from '../../../shared/domain/homework/homework-lists'
import {
  homeworkSettingsSchema,
  type DiaryDay,
  type diaryDaySave,
  type DiaryWeek,
  type HomeworkSettings,
} from '../../../shared/ipc/schemas/homework'
import { CoreError } from '../errors'
import { fromRow, insertRow, selectRowById, toRow, updateRow } from '../db/table.repo'
import { newId } from '../ids'
import { sinceBase, writeTransaction, type ServiceContext } from '../records/entity.service'
import { addDays, isCalendarDay, startOfDay } from './diary-dates'
import * as repo from './homework.repo'

export const defaultHomeworkSettings = (): HomeworkSettings => ({
  diaryCard: {
    emotions: [...DEFAULT_DIARY_SETUP.emotions],
    urges: [...DEFAULT_DIARY_SETUP.urges],
    behaviours: [...DEFAULT_DIARY_SETUP.behaviours],
    skills: {
      mindfulness: [...DEFAULT_DIARY_SETUP.skills.mindfulness],
      distress_tolerance: [...DEFAULT_DIARY_SETUP.skills.distress_tolerance],
      emotion_regulation: [...DEFAULT_DIARY_SETUP.skills.emotion_regulation],
      interpersonal_effectiveness: [...DEFAULT_DIARY_SETUP.skills.interpersonal_effectiveness],
    },
  },
  checkIns: { phq9: CHECK_IN_CADENCES[0], gad7: CHECK_IN_CADENCES[0] },
})

export function storedHomeworkSettings(stored: string | undefined): HomeworkSettings {
  if (stored === undefined) return defaultHomeworkSettings()
  const parsed = homeworkSettingsSchema.safeParse(JSON.parse(stored))
  return parsed.success ? parsed.data : defaultHomeworkSettings()
}

const requireDay = (day: string, field: string) => {
  if (!isCalendarDay(day)) throw new CoreError('INVALID_INPUT', { field })
}

/** The DBT diary card: one row per calendar day, read a week at a time; and the homework settings. */
export function createDiaryCardService(ctx: ServiceContext) {
  const changed = (tables: string[]) => ctx.events.emit('data.changed', { tables })
  const settings = () => storedHomeworkSettings(repo.readHomeworkSettings(ctx.db()))

  return {
    /**
     * Writes one day's row: a new row for a new day, the same row again for a day already there.
     * With a base, only the values the person changed since (records/entity.service.ts `sinceBase`).
     */
    saveDay({ base, ...fields }: z.output<typeof diaryDaySave>): DiaryDay {
      requireDay(fields.day, 'day')
      const db = ctx.db()
      const now = ctx.clock.now()
      const { day, timeZone, ...values } = fields
      const saved = writeTransaction(db, () => {
        const existing = repo.diaryDayId(db, day)
        const id = existing ?? newId(now)
        const read = () => fromRow<DiaryDay>(repo.diaryDaysTable, selectRowById(db, repo.diaryDaysTable, id) ?? {})
        const { fields: changed, unseen } = existing && base ? sinceBase<Partial<typeof values>>(read(), values, base, ['note']) : { fields: values, unseen: {} }
        const row = { ...changed, day, timeZone, at: startOfDay(day, timeZone), updatedAt: now }
        if (!existing) insertRow(db, repo.diaryDaysTable, { ...row, id, createdAt: now })
        // Nothing the person changed since the card's base: the stored day stands untouched.
        else if (Object.keys(changed).length > 0) updateRow(db, repo.diaryDaysTable, id, row)
        const shown = toRow(repo.diaryDaysTable, unseen)
        if (Object.keys(shown).length > 0) ctx.replacedUnseen?.(db, 'diary_card_days', id, shown)
        return read()
      })
      changed(['diary_card_days'])
      return saved
    },

    week({ weekStart }: { weekStart: string }): DiaryWeek {
      requireDay(weekStart, 'weekStart')
      const db = ctx.db()
      return {
        weekStart,
        days: repo.diaryDaysBetween(db, weekStart, addDays(weekStart, 6)).map((row) => fromRow<DiaryDay>(repo.diaryDaysTable, row)),
        bringToSession: repo.isWeekMarked(db, weekStart),
        setup: settings().diaryCard,
      }
    },

    markWeek({ weekStart, bringToSession }: { weekStart: string; bringToSession: boolean }): { weekStart: string; bringToSession: boolean } {
      requireDay(weekStart, 'weekStart')
      const db = ctx.db()
      writeTransaction(db, () => repo.setWeekMarked(db, weekStart, bringToSession, ctx.clock.now()))
      changed(['diary_card_weeks'])
      return { weekStart, bringToSession }
    },

    settings,

    saveSettings(next: HomeworkSettings): HomeworkSettings {
      const db = ctx.db()
      writeTransaction(db, () => repo.writeHomeworkSettings(db, JSON.stringify(next), ctx.clock.now()))
      changed(['homework_settings'])
      return next
    },
  }
}

export type DiaryCardService = ReturnType<typeof createDiaryCardService>
