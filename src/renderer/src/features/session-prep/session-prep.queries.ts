import { queryOptions } from '@tanstack/react-query'
import { rpc } from '../../lib/rpc'

/** The prep page reads talking points first, and sessions, reflections, drafts and contacts. */
export const prepKeys = {
  all: ['talking_points', 'prep'] as const,
  open: (therapistId: string | null) => [...prepKeys.all, therapistId] as const,
}

export const prepQuery = (therapistId: string | null) =>
  queryOptions({
    queryKey: prepKeys.open(therapistId),
    queryFn: () => rpc('sessionPrep.open', { therapistId }),
    meta: { tables: ['sessions', 'reflections', 'drafts', 'contacts', 'therapists'] },
  })
