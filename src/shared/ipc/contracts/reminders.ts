import { z } from 'zod'
import { byId, emptyInput } from '../schemas/common'
import { reminderListInput, reminderSchema, reminderSettingsSchema } from '../schemas/reminders'
import { channel } from './channel'

/** Reminders live in the vault; notifications show generic text only (never content). */
export const remindersContract = {
  'reminders.list': channel(reminderListInput, z.array(reminderSchema)),
  'reminders.dismiss': channel(byId, reminderSchema),
  'reminders.getSettings': channel(emptyInput, reminderSettingsSchema),
  'reminders.setSettings': channel(reminderSettingsSchema, reminderSettingsSchema),
} as const
