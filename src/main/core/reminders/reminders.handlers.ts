import type { Core } from '../index'

export const remindersHandlers = (core: Core) => ({
  'reminders.list': core.reminders.list,
  'reminders.dismiss': core.reminders.dismiss,
  'reminders.getSettings': () => core.reminders.getSettings(),
  'reminders.setSettings': core.reminders.setSettings,
})
