import { QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { wireFlushEvents } from '../lib/autosave'
import { onBridgeEvent } from '../lib/rpc'
import { VaultSessionProvider } from '../features/vault/vault-session'
import { createQueryClient, queryReadsAny } from './query-client'

/** `data.changed` → invalidate every query that reads one of the changed tables. */
function DataChangedBridge(): null {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      onBridgeEvent('data.changed', ({ tables }) => {
        void queryClient.invalidateQueries({ predicate: (query) => queryReadsAny(query, tables) })
      }),
    [queryClient],
  )
  return null
}

export function Providers({ children }: { children: ReactNode }): React.JSX.Element {
  const [queryClient] = useState(createQueryClient)
  // Answer main's `ui.flush` before every lock, even when no editor is open (then at once).
  useEffect(() => wireFlushEvents(), [])
  return (
    <QueryClientProvider client={queryClient}>
      <DataChangedBridge />
      <VaultSessionProvider>{children}</VaultSessionProvider>
    </QueryClientProvider>
  )
}
