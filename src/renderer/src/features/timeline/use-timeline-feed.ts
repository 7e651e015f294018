import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import type { TimelineEntry } from '../../../../shared/ipc/schemas/timeline'
import { onBridgeEvent, rpc } from '../../lib/rpc'

export interface TimelineFilter {
  kinds: TimelineEntry['kind'][] | null
  tag: string | null
  therapistId: string | null
  from: number | null
  to: number | null
}

export const NO_FILTER: TimelineFilter = { kinds: null, tag: null, therapistId: null, from: null, to: null }

/** The first page is small, for a quick first paint; later pages are large, for fewer calls. */
export const FIRST_PAGE = 150
export const PAGE_SIZE = 500

type TimelinePage = ChannelOutput<'timeline.page'>

const NO_FILTER_KEY = JSON.stringify(NO_FILTER)

let prefetched: { page: Promise<TimelinePage>; stop(): void } | null = null

function dropPrefetched(): void {
  prefetched?.stop()
  prefetched = null
}

/**
 * Asks for the unfiltered first page the moment the vault opens, so the core answers while the
 * window renders the frame; the feed's first fetch takes it. Dropped unused when anything changes
 * or the vault locks, so it is never older than what the core would say.
 */
export function prefetchFirstPage(): void {
  dropPrefetched()
  const page = rpc('timeline.page', { limit: FIRST_PAGE, cursor: null, filter: NO_FILTER })
  page.catch(() => undefined) // the feed asks again
  const offChanged = onBridgeEvent('data.changed', dropPrefetched)
  const offLocked = onBridgeEvent('vault.locked', dropPrefetched)
  prefetched = { page, stop: () => (offChanged(), offLocked()) }
}

/** The prefetched first page for this filter, once; otherwise a fresh request. */
function firstPage(key: string, filter: TimelineFilter): Promise<TimelinePage> {
  const ask = () => rpc('timeline.page', { limit: FIRST_PAGE, cursor: null, filter })
  const taken = key === NO_FILTER_KEY ? prefetched : null
  if (!taken) return ask()
  dropPrefetched()
  return taken.page.catch(ask)
}

interface FeedState {
  items: TimelineEntry[]
  nextCursor: string | null
  status: 'loading' | 'ready' | 'error'
  loadingMore: boolean
  moreFailed: boolean
  /** Entries the core could not show (a damaged row), counted over the pages loaded. */
  skipped: number
}

const newer = (a: TimelineEntry, b: TimelineEntry) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
/** True when a sorts strictly after b (older, or same time and smaller id). */
const after = (a: TimelineEntry, b: TimelineEntry) => newer(a, b) > 0

export interface TimelineFeed extends FeedState {
  loadMore(): void
  retry(): void
  /** Re-reads one entry (after an edit) and puts it where it now belongs, if that is loaded. */
  refreshEntry(kind: TimelineEntry['kind'], id: string, at: number): Promise<void>
  remove(kind: TimelineEntry['kind'], id: string): void
}

/**
 * The timeline as keyset pages from the core, for a list that may reach 100,000 entries.
 *
 * Not an infinite query: refetching every loaded page on each `data.changed` (an autosave
 * every second while typing) would cost hundreds of calls deep in the list. Instead a change
 * re-reads the first page and splices it over the top of what is loaded; an edited entry
 * further down is re-read on its own (refreshEntry).
 */
const INITIAL: FeedState = { items: [], nextCursor: null, status: 'loading', loadingMore: false, moreFailed: false, skipped: 0 }

export function useTimelineFeed(filter: TimelineFilter): TimelineFeed {
  const key = JSON.stringify(filter)
  const [stored, setState] = useState<FeedState & { key: string }>({ ...INITIAL, key })
  const [attempt, setAttempt] = useState(0)
  // A new filter shows "loading" at once, without an extra render from an effect.
  const state: FeedState = stored.key === key ? stored : INITIAL
  const stateRef = useRef(state)
  const generation = useRef(0)
  const filterRef = useRef(filter)
  const busy = useRef(false)
  useLayoutEffect(() => {
    stateRef.current = state
    filterRef.current = filter
  })

  const fetchPage = useCallback(
    (cursor: string | null, limit = PAGE_SIZE, to = filterRef.current.to) => rpc('timeline.page', { limit, cursor, filter: { ...filterRef.current, to } }),
    [],
  )

  useEffect(() => {
    const gen = ++generation.current
    busy.current = false
    firstPage(key, JSON.parse(key) as TimelineFilter).then(
      (page) => {
        if (gen === generation.current) setState({ key, items: page.items, nextCursor: page.nextCursor, status: 'ready', loadingMore: false, moreFailed: false, skipped: page.skipped })
      },
      () => {
        if (gen === generation.current) setState({ ...INITIAL, key, status: 'error' })
      },
    )
  }, [key, attempt])

  const retry = useCallback(() => {
    setState((s) => ({ ...s, status: 'loading' }))
    setAttempt((n) => n + 1)
  }, [])

  const loadMore = useCallback(() => {
    const current = stateRef.current
    if (busy.current || current.status !== 'ready' || current.nextCursor === null) return
    busy.current = true
    const gen = generation.current
    setState((s) => ({ ...s, loadingMore: true, moreFailed: false }))
    fetchPage(current.nextCursor).then(
      (page) => {
        busy.current = false
        if (gen !== generation.current) return
        setState((s) => ({ ...s, items: s.items.concat(page.items), nextCursor: page.nextCursor, loadingMore: false, skipped: s.skipped + page.skipped }))
      },
      () => {
        busy.current = false
        if (gen === generation.current) setState((s) => ({ ...s, loadingMore: false, moreFailed: true }))
      },
    )
  }, [fetchPage])

  /** Splices a fresh first page over the top of what is loaded. */
  const refreshTop = useCallback(() => {
    const gen = generation.current
    fetchPage(null, FIRST_PAGE).then(
      (page) => {
        if (gen !== generation.current) return
        setState((s) => {
          if (s.status !== 'ready') return s
          const boundary = page.items.at(-1)
          if (page.nextCursor === null || !boundary) return { ...s, items: page.items, nextCursor: null }
          const tail = s.items.filter((entry) => after(entry, boundary))
          return { ...s, items: page.items.concat(tail), nextCursor: tail.length > 0 ? s.nextCursor : page.nextCursor }
        })
      },
      () => undefined,
    )
  }, [fetchPage])

  useEffect(() => onBridgeEvent('data.changed', () => refreshTop()), [refreshTop])

  const remove = useCallback((kind: TimelineEntry['kind'], id: string) => {
    setState((s) => ({ ...s, items: s.items.filter((entry) => !(entry.kind === kind && entry.id === id)) }))
  }, [])

  const refreshEntry = useCallback(
    async (kind: TimelineEntry['kind'], id: string, at: number) => {
      const gen = generation.current
      const { to } = filterRef.current
      if (to !== null && at >= to) return
      const page = await fetchPage(null, 20, at + 1)
      if (gen !== generation.current) return
      const fresh = page.items.find((entry) => entry.kind === kind && entry.id === id)
      setState((s) => {
        const items = s.items.filter((entry) => !(entry.kind === kind && entry.id === id))
        if (fresh) {
          const last = items.at(-1)
          // Only insert where the loaded range reaches; beyond it, a later page brings it.
          if (s.nextCursor === null || (last && !after(fresh, last))) {
            const position = items.findIndex((entry) => after(entry, fresh))
            items.splice(position === -1 ? items.length : position, 0, fresh)
          }
        }
        return { ...s, items }
      })
    },
    [fetchPage],
  )

  return { ...state, loadMore, retry, refreshEntry, remove }
}
