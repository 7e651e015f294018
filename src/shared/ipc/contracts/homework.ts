import { z } from 'zod'
import { byId, deleted, emptyInput } from '../schemas/common'
import { confirmUnencryptedSchema, exportResultSchema, localeSchema } from '../schemas/export'
import {
  checkInFields,
  checkInListInput,
  checkInSchema,
  diaryDaySave,
  diaryDaySchema,
  diaryWeekInput,
  diaryWeekSchema,
  homeworkSettingsSchema,
  templateFields,
  templateSchema,
  thoughtRecordFields,
  thoughtRecordListInput,
  thoughtRecordSchema,
} from '../schemas/homework'
import { channel, crud } from './channel'

const markWeek = diaryWeekInput.extend({ bringToSession: z.boolean() })

/** The work between sessions: thought records, the DBT diary card, check-ins and templates. */
export const homeworkContract = {
  ...crud('thoughtRecords', thoughtRecordFields, thoughtRecordSchema, thoughtRecordListInput),
  /** Writes one day's row of the diary card (the same day again replaces that row). */
  'diaryCard.saveDay': channel(diaryDaySave, diaryDaySchema),
  /** Seven days from weekStart, whether the week is marked for the session, and the card's rows. */
  'diaryCard.week': channel(diaryWeekInput, diaryWeekSchema),
  'diaryCard.markWeek': channel(markWeek, markWeek),
  /** The week as a one-page PDF where the save dialog says. Not encrypted. */
  'diaryCard.printWeek': channel(
    diaryWeekInput.extend({ locale: localeSchema.default('en-GB'), confirmUnencrypted: confirmUnencryptedSchema }),
    exportResultSchema,
  ),
  /** A PHQ-9 or GAD-7 check-in; the total and band are computed as published. */
  'checkIns.create': channel(checkInFields, checkInSchema),
  'checkIns.get': channel(byId, checkInSchema),
  'checkIns.list': channel(checkInListInput, z.array(checkInSchema)),
  'checkIns.delete': channel(byId, deleted),
  ...crud('templates', templateFields, templateSchema, emptyInput),
  /** The diary card's rows and the check-in cadence. */
  'homework.settings': channel(emptyInput, homeworkSettingsSchema),
  'homework.saveSettings': channel(homeworkSettingsSchema, homeworkSettingsSchema),
} as const
