import { QueryClient, type Query } from '@tanstack/react-query'
import { isRpcError } from '../lib/rpc'

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /**
       * The tables (as the core names them in `data.changed`) a query reads besides the one its
       * key starts with; '*' for queries that read everything (timeline, search).
       */
      tables?: readonly string[] | '*'
    }
  }
}

/**
 * Query-key convention: a key starts with the table it reads, as the core reports it in
 * `data.changed` ('therapists', 'sessions', 'talking_points', 'crisis_plan' …). Queries reading
 * other tables list them in `meta.tables`.
 */
export function queryReadsAny(query: Query, tables: readonly string[]): boolean {
  const root = query.queryKey[0]
  if (typeof root === 'string' && tables.includes(root)) return true
  const extra = query.meta?.tables
  if (extra === '*') return true
  return Array.isArray(extra) && extra.some((table) => tables.includes(table))
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The core is local and pushes `data.changed`: no polling, no refetch on focus.
        staleTime: Infinity,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: (failures, error) => failures < 1 && isRpcError(error, 'INTERNAL'),
        networkMode: 'always',
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  })
}
