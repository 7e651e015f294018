import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract'
import type { SearchHit, SearchOrder } from '../../../../shared/ipc/schemas/search'
import { Banner, Button, EmptyState, Icon, Spinner, type IconName } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { HOMEWORK_ICONS } from '../homework/homework-entries'
import { homeworkStrings } from '../homework/homework.strings'
import { formatDay, formatTime } from './format'
import { Snippet } from './Snippet'
import { timelineKeys } from './timeline.queries'
import { timelineStrings as s } from './timeline.strings'

const PAGE = 50
const ORDERS: readonly SearchOrder[] = ['date', 'relevance']
const icons: Record<SearchHit['kind'], IconName> = { session: 'clock', reflection: 'leaf', talking_point: 'check', contact: 'arrowLeft', draft: 'copy', ...HOMEWORK_ICONS }

/** The search last sent to the core; settles when its answer is in. */
let inFlight: Promise<unknown> = Promise.resolve()

/**
 * One search at a time reaches the core. A search asked for while another runs waits for it,
 * and is never sent if its text left the box meanwhile (its query lost its screen and was
 * cancelled): fast typing sends the first and the latest text, not every key's.
 */
function searchInTurn(input: ChannelInput<'search.query'>, signal: AbortSignal): Promise<ChannelOutput<'search.query'>> {
  const turn = inFlight.then(() => {
    if (signal.aborted) throw signal.reason
    return rpc('search.query', input)
  })
  inFlight = turn.catch(() => undefined)
  return turn
}

const searchQuery = (query: string, order: SearchOrder) => ({
  queryKey: timelineKeys.search(query, order),
  queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) => searchInTurn({ query, limit: PAGE, cursor: pageParam, order }, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor,
  meta: { tables: '*' as const },
})

interface SearchResultsProps {
  query: string
  now: number
  onPick(hit: SearchHit): void
}

/** Hits by their date (newest first) or best match first, snippets with the matches marked; choosing one jumps to it. */
export function SearchResults({ query, now, onPick }: SearchResultsProps): React.JSX.Element {
  const [order, setOrder] = useState<SearchOrder>('date')
  const results = useInfiniteQuery({ ...searchQuery(query, order), placeholderData: keepPreviousData })
  const hits = useMemo(() => results.data?.pages.flatMap((page) => page.hits) ?? [], [results.data])

  if (results.isPending) return <Spinner label={s.search.resultsLabel} />
  if (results.isError) return <Banner tone="warning">{s.search.failed}</Banner>
  // Until the answer for the text in the box is in, the previous hits keep their place (no jump)
  // but are hidden and out of reach: results never stand for text that is no longer there.
  const stale = results.isPlaceholderData

  return (
    <section className="search-results" aria-label={s.search.resultsLabel} aria-busy={stale} data-query={stale ? undefined : query}>
      <div className="search-results__head">
        <p className="search-results__count" role="status">
          {stale ? s.search.searching : s.search.results(hits.length, results.hasNextPage)}
        </p>
        <div className="segmented" role="group" aria-label={s.search.order.label}>
          {ORDERS.map((option) => (
            <button key={option} type="button" className="segmented__item" aria-pressed={order === option} onClick={() => setOrder(option)}>
              {s.search.order[option]}
            </button>
          ))}
        </div>
      </div>
      <div className="search-results__body" data-stale={stale || undefined}>
        {hits.length === 0 ? (
          <EmptyState icon="info" title={s.search.noneTitle}>
            <p>{s.search.noneBody}</p>
          </EmptyState>
        ) : (
          <HitList hits={hits} now={now} onPick={onPick} />
        )}
        <p id="search-jump-hint" className="visually-hidden">
          {s.search.jumpHint}
        </p>
        {results.hasNextPage ? (
          <div className="button-row button-row--center">
            <Button onClick={() => void results.fetchNextPage()} busy={results.isFetchingNextPage}>
              {s.search.loadMore}
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  )
}

interface HitListProps {
  hits: SearchHit[]
  now: number
  onPick(hit: SearchHit): void
}

/** The hits; memoised, so a key typed re-renders none of them while the next answer is on its way. */
const HitList = memo(function HitList({ hits, now, onPick }: HitListProps): React.JSX.Element {
  const listRef = useRef<HTMLOListElement>(null)
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.search-hit') ?? [])]
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const move = event.key === 'ArrowDown' || event.key === 'j' ? 1 : event.key === 'ArrowUp' || event.key === 'k' ? -1 : 0
    if (move === 0 || index < 0) return
    event.preventDefault()
    buttons[Math.min(buttons.length - 1, Math.max(0, index + move))]?.focus()
  }

  return (
    <ol className="search-results__list" ref={listRef} onKeyDown={onKeyDown}>
      {hits.map((hit) => (
        <li key={`${hit.kind}:${hit.id}`}>
          <button type="button" className="search-hit" onClick={() => onPick(hit)} aria-describedby="search-jump-hint">
            <span className="search-hit__icon">
              <Icon name={icons[hit.kind]} size={18} />
            </span>
            <span className="search-hit__content">
              <span className="search-hit__head">
                <span className="search-hit__kind">{{ ...s.search.kind, ...homeworkStrings.kinds }[hit.kind]}</span>
                <span className="search-hit__when">{`${formatDay(hit.at, now)}, ${formatTime(hit.at)}`}</span>
              </span>
              <span className="search-hit__snippet" dir="auto">
                <Snippet text={hit.snippet} />
              </span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  )
})
