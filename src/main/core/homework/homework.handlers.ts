import { outsideCall } from '../db/channel-call'
import type { Core } from '../index'

export const homeworkHandlers = (core: Core) => ({
  'thoughtRecords.create': core.thoughtRecords.create,
  'thoughtRecords.get': core.thoughtRecords.get,
  'thoughtRecords.list': core.thoughtRecords.list,
  'thoughtRecords.update': core.thoughtRecords.update,
  'thoughtRecords.delete': core.thoughtRecords.delete,
  'diaryCard.saveDay': core.diaryCard.saveDay,
  'diaryCard.week': core.diaryCard.week,
  'diaryCard.markWeek': core.diaryCard.markWeek,
  'diaryCard.printWeek': outsideCall(core.diaryPrint.printWeek), // a file
  'checkIns.create': core.checkIns.create,
  'checkIns.get': core.checkIns.get,
  'checkIns.list': core.checkIns.list,
  'checkIns.delete': core.checkIns.delete,
  'templates.create': core.templates.create,
  'templates.get': core.templates.get,
  'templates.list': () => core.templates.list({}),
  'templates.update': core.templates.update,
  'templates.delete': core.templates.delete,
  'homework.settings': () => core.diaryCard.settings(),
  'homework.saveSettings': core.diaryCard.saveSettings,
})
