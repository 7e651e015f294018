import { queryOptions } from '@tanstack/react-query'
import { rpc } from '../../lib/rpc'

/**
 * Query keys start with the table name the core reports in `data.changed`, so the app's event
 * handler can invalidate them (see app/providers.tsx).
 */
export const therapistKeys = {
  all: ['therapists'] as const,
  list: () => [...therapistKeys.all, 'list'] as const,
}

export const therapistsListQuery = () =>
  queryOptions({ queryKey: therapistKeys.list(), queryFn: () => rpc('therapists.list', {}) })
