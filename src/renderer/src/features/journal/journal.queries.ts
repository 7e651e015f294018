import { queryOptions } from '@tanstack/react-query'
import { rpc } from '../../lib/rpc'

/** Keys start with the table they read (see app/query-client.ts). */
export const journalKeys = {
  reflection: (id: string) => ['reflections', 'one', id] as const,
  session: (id: string) => ['sessions', 'one', id] as const,
  tags: () => ['tags', 'list'] as const,
  openPoints: () => ['talking_points', 'open'] as const,
}

export const reflectionQuery = (id: string) =>
  queryOptions({ queryKey: journalKeys.reflection(id), queryFn: () => rpc('reflections.get', { id }), meta: { tables: ['tags'] } })

export const sessionQuery = (id: string) => queryOptions({ queryKey: journalKeys.session(id), queryFn: () => rpc('sessions.get', { id }) })

export const tagsQuery = () => queryOptions({ queryKey: journalKeys.tags(), queryFn: () => rpc('tags.list', {}), meta: { tables: ['reflections'] } })

export const openTalkingPointsQuery = () =>
  queryOptions({ queryKey: journalKeys.openPoints(), queryFn: () => rpc('talkingPoints.list', { status: 'open', targetSessionId: null }) })

/** Recent sessions, for "about a session" choices. */
export const recentSessionsQuery = () =>
  queryOptions({ queryKey: ['sessions', 'recent'] as const, queryFn: () => rpc('sessions.list', { from: null, to: null, therapistId: null, limit: 40 }) })
