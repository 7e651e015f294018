import { queryOptions } from '@tanstack/react-query'
import type { Questionnaire } from '../../../../shared/domain/homework/questionnaires'
import { rpc } from '../../lib/rpc'

/** One key factory for the homework screens; `meta.tables` lets data.changed refresh them. */
export const homeworkKeys = {
  thoughtRecords: () => ['thought_records'] as const,
  thoughtRecord: (id: string) => ['thought_records', id] as const,
  week: (weekStart: string) => ['diary_card_days', weekStart] as const,
  checkIns: (questionnaire: Questionnaire) => ['check_ins', questionnaire] as const,
  templates: () => ['reflection_templates'] as const,
  settings: () => ['homework_settings'] as const,
}

export const thoughtRecordsQuery = () =>
  queryOptions({
    queryKey: homeworkKeys.thoughtRecords(),
    queryFn: () => rpc('thoughtRecords.list', { limit: 200 }),
    meta: { tables: ['thought_records'] },
  })

export const diaryWeekQuery = (weekStart: string) =>
  queryOptions({
    queryKey: homeworkKeys.week(weekStart),
    queryFn: () => rpc('diaryCard.week', { weekStart }),
    meta: { tables: ['diary_card_weeks', 'homework_settings'] },
  })

export const checkInsQuery = (questionnaire: Questionnaire) =>
  queryOptions({
    queryKey: homeworkKeys.checkIns(questionnaire),
    queryFn: () => rpc('checkIns.list', { questionnaire, limit: 200 }),
    meta: { tables: ['check_ins'] },
  })

export const templatesQuery = () =>
  queryOptions({ queryKey: homeworkKeys.templates(), queryFn: () => rpc('templates.list', {}), meta: { tables: ['reflection_templates'] } })

export const homeworkSettingsQuery = () =>
  queryOptions({ queryKey: homeworkKeys.settings(), queryFn: () => rpc('homework.settings', {}), meta: { tables: ['homework_settings'] } })
