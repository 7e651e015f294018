import type { SearchOrder } from '../../../../shared/ipc/schemas/search'
import type { DetailTarget } from './EntryDetail'

/**
 * Query keys of the timeline feature. Each starts with the table it reads, as the core names it
 * in `data.changed` (app/query-client.ts); queries reading more say so in `meta.tables`. The
 * feed itself is not a query: see use-timeline-feed.ts.
 */
const TABLE_OF: Record<DetailTarget['kind'], string> = { contact: 'contacts', draft: 'drafts', talking_point: 'talking_points', rule_change: 'rules' }

export const timelineKeys = {
  /** Search reads every indexed table: meta.tables '*'. */
  search: (query: string, order: SearchOrder) => ['search', query, order] as const,
  /** Reflections' and sessions' moods: meta.tables ['sessions']. */
  moodTrend: (bucket: string, range: string) => ['reflections', 'mood-trend', bucket, range] as const,
  detail: (kind: DetailTarget['kind'], id: string) => [TABLE_OF[kind], 'detail', id] as const,
}
