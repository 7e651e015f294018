import { queryOptions } from '@tanstack/react-query'
import { rpc } from '../../lib/rpc'

/** Keys start with the table the core names in `data.changed`. */
export const ruleKeys = {
  all: ['rules'] as const,
  list: (therapistId: string) => [...ruleKeys.all, 'list', therapistId] as const,
  history: (id: string) => [...ruleKeys.all, 'history', id] as const,
}

export const absenceKeys = {
  all: ['absences'] as const,
  list: (therapistId: string) => [...absenceKeys.all, 'list', therapistId] as const,
}

/** Every rule for the therapist, retired ones included (the page shows them on request). */
export const rulesQuery = (therapistId: string) =>
  queryOptions({
    queryKey: ruleKeys.list(therapistId),
    queryFn: () => rpc('rules.list', { therapistId, includeRetired: true }),
    meta: { tables: ['rule_versions'] },
  })

export const ruleHistoryQuery = (id: string) =>
  queryOptions({ queryKey: ruleKeys.history(id), queryFn: () => rpc('rules.history', { id }), meta: { tables: ['rule_versions'] } })

export const absencesQuery = (therapistId: string) =>
  queryOptions({ queryKey: absenceKeys.list(therapistId), queryFn: () => rpc('absences.list', { therapistId }) })
