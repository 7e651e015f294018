import { queryOptions } from '@tanstack/react-query'
import { rpc } from '../../lib/rpc'

export const syncKeys = { all: ['sync'] as const, status: () => [...syncKeys.all, 'status'] as const }

export const syncStatusQuery = () => queryOptions({ queryKey: syncKeys.status(), queryFn: () => rpc('sync.status', {}) })
