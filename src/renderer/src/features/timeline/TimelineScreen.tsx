import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { SearchHit } from '../../../../shared/ipc/schemas/search'
import type { Therapist } from '../../../../shared/ipc/schemas/therapists'
import type { TimelineEntry } from '../../../../shared/ipc/schemas/timeline'
import { onIntent } from '../../app/intents'
import { useNavigation } from '../../app/navigation'
import { takeTypedAhead } from '../../app/typed-ahead'
import { Banner, Button, EmptyState, Icon, LoadingArea, PRIVATE_FIELD } from '../../components/ui'
import { flushAllEdits } from '../../lib/autosave'
import { useHintOnce } from '../../lib/hint-once'
import { useNow } from '../../lib/use-now'
import { openTalkingPointsQuery } from '../journal/journal.queries'
import { isHomeworkKind } from '../homework/homework-entries'
import { useOpenHomework } from '../homework/homework-focus'
import { journalStrings } from '../journal/journal.strings'
import { SeriesDialog } from '../journal/SeriesDialog'
import { TagsManager } from '../journal/TagsManager'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { EntryPanel, type Panel as OpenPanel } from './EntryPanel'
import { activeFilterCount, Filters } from './Filters'
import { formatLongDay } from './format'
import { SearchResults } from './SearchResults'
import { buildRows, entryKey, type TimelineRow } from './timeline-rows'
import { timelineStrings as s } from './timeline.strings'
import { TimelineList, type TimelineListHandle } from './TimelineList'
import type { RowContext } from './TimelineRowView'
import { NO_FILTER, useTimelineFeed, type TimelineFilter } from './use-timeline-feed'
import './timeline.css'
import '../journal/journal.css'

const MoodTrend = lazy(() => import('./MoodTrend'))

function SearchGlyph(): React.JSX.Element {
  return (
    <svg className="tl-search__icon" width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" aria-hidden="true" focusable="false">
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4.5 4.5" />
    </svg>
  )
}

type Panel = OpenPanel | null

interface Undo {
  message: string
  run(): Promise<void>
  state: 'ready' | 'busy' | 'done' | 'failed'
}

let newCounter = 0
const newKey = () => `new-${++newCounter}`

/**
 * The timeline (home of the journal): search, filters, the feed grouped around sessions, the
 * mood trend, and a side panel where entries open and are edited.
 */
export default function TimelineScreen(): React.JSX.Element {
  const now = useNow()
  const searchId = useId()
  const filtersId = useId()
  const searchRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<TimelineListHandle>(null)
  const panelRef = useRef<HTMLElement>(null)

  const [view, setView] = useState<'list' | 'mood'>('list')
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER)
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [anchorAt, setAnchorAt] = useState<number | null>(null)
  const [laterExpanded, setLaterExpanded] = useState(false)
  const [panel, setPanel] = useState<Panel>(null)
  const [seriesOpen, setSeriesOpen] = useState(false)
  const [tagsOpen, setTagsOpen] = useState(false)
  const [undo, setUndo] = useState<Undo | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [reveal, setReveal] = useState<string | null>(null)
  const onRevealed = useCallback(() => setReveal(null), [])
  const showKeyboardHint = useHintOnce('timeline-keys')

  // Search as you type, with no pause: each key asks at once, and SearchResults shows only the
  // answer for the text in the box (older answers are dropped, one search runs at a time).
  const query = typed.trim()

  const effectiveFilter = useMemo<TimelineFilter>(() => {
    if (anchorAt === null) return filter
    const to = anchorAt + 1
    return { ...filter, to: filter.to === null ? to : Math.min(filter.to, to) }
  }, [filter, anchorAt])
  const feed = useTimelineFeed(effectiveFilter)
  const navigation = useNavigation()
  const grouped = (effectiveFilter.kinds === null || effectiveFilter.kinds.includes('session')) && effectiveFilter.tag === null
  const rows = useMemo(() => buildRows(feed.items, now, grouped, laterExpanded), [feed.items, now, grouped, laterExpanded])

  const therapists = useQuery(therapistsListQuery())
  const therapistMap = useMemo(() => new Map<string, Therapist>((therapists.data ?? []).map((t) => [t.id, t])), [therapists.data])
  const nextSession = rows.find((row) => row.type === 'group' && row.tense === 'next')
  const points = useQuery({ ...openTalkingPointsQuery(), enabled: nextSession !== undefined })
  const nextId = nextSession?.type === 'group' ? nextSession.session.id : null
  const nextPointCount = points.data ? points.data.filter((p) => p.targetSessionId === null || p.targetSessionId === nextId).length : null
  const ctx = useMemo<RowContext>(() => ({ now, therapists: therapistMap, nextPointCount }), [now, therapistMap, nextPointCount])

  const openKey = panel === null ? null : panel.kind === 'detail' ? `${panel.target.kind}:${panel.target.id}` : panel.id ? `${panel.kind}:${panel.id}` : null

  const openHomework = useOpenHomework()
  const open = useCallback((next: Panel) => {
    void flushAllEdits()
    setPanel(next)
  }, [])

  const openEntry = useCallback(
    (entry: Pick<TimelineEntry, 'kind' | 'id'> & Partial<TimelineEntry>) => {
      if (entry.kind === 'reflection' || entry.kind === 'session') open({ kind: entry.kind, id: entry.id, newKey: newKey() })
      else if (entry.kind === 'rule_change') open({ kind: 'detail', target: { kind: 'rule_change', id: entry.id, at: entry.at ?? 0, preview: (entry as { preview?: string }).preview ?? '', version: (entry as { version?: number }).version ?? 1 } })
      else if (isHomeworkKind(entry.kind)) openHomework({ kind: entry.kind, id: entry.id, at: entry.at ?? 0 })
      else open({ kind: 'detail', target: { kind: entry.kind, id: entry.id } })
    },
    [open, openHomework],
  )

  const onOpenRow = useCallback(
    (row: TimelineRow) => {
      if (row.type === 'group') openEntry(row.session)
      else if (row.type === 'entry') openEntry(row.entry)
    },
    [openEntry],
  )

  const closePanel = useCallback(() => {
    setPanel(null)
    // Back to where the person was in the list.
    requestAnimationFrame(() => listRef.current?.focusActive())
  }, [])

  const { refreshEntry, remove } = feed
  const editorEvents = useMemo(
    () => ({
      onCreated: (kind: TimelineEntry['kind'], id: string) => setPanel((p) => (p && p.kind === kind && p.id === null ? { ...p, id } : p)),
      onSaved: (kind: TimelineEntry['kind'], id: string, at: number) => void refreshEntry(kind, id, at).catch(() => undefined),
      onDeleted: (kind: TimelineEntry['kind'], id: string, message: string, restore: () => Promise<{ at: number }>) => {
        remove(kind, id)
        setPanel(null)
        setUndo({
          message,
          state: 'ready',
          run: async () => {
            const { at } = await restore()
            await refreshEntry(kind, id, at)
          },
        })
      },
      onClose: closePanel,
    }),
    [refreshEntry, remove, closePanel],
  )

  const runUndo = async () => {
    if (!undo || undo.state !== 'ready') return
    setUndo({ ...undo, state: 'busy' })
    try {
      await undo.run()
      setUndo({ ...undo, state: 'done' })
    } catch {
      setUndo({ ...undo, state: 'failed' })
    }
  }

  // The shell's shortcuts (Ctrl/Cmd+N, Ctrl/Cmd+F or "/") arrive as an intent. The search box
  // takes focus at once, with whatever was typed on the way (typed-ahead.ts).
  useLayoutEffect(
    () =>
      onIntent((kind) => {
        if (kind === 'new-reflection') {
          open({ kind: 'reflection', id: null, newKey: newKey() })
          return
        }
        setView('list')
        searchRef.current?.focus()
        const typedAhead = takeTypedAhead()
        if (typedAhead) setTyped((previous) => previous + typedAhead)
      }),
    [open],
  )

  // Escape closes the panel.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (event.key === 'Escape' && panel !== null && !document.querySelector('dialog[open]')) {
        event.preventDefault()
        void flushAllEdits()
        closePanel()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [panel, closePanel])

  // Move focus into the panel when it opens on an existing entry.
  const panelKey = panel === null ? null : panel.kind === 'detail' ? panel.target.id : `${panel.kind}:${panel.id ?? panel.newKey}`
  useEffect(() => {
    if (panelKey === null) return
    let frame = 0
    let tries = 0
    // The entry may still be loading: wait (a few frames) for its heading, unless focus is
    // already inside the panel (a new reflection focuses its text box itself).
    const attempt = () => {
      const el = panelRef.current
      if (!el || el.contains(document.activeElement)) return
      const heading = el.querySelector<HTMLElement>('h2')
      if (heading) heading.focus()
      else if (tries++ < 60) frame = requestAnimationFrame(attempt)
    }
    frame = requestAnimationFrame(attempt)
    return () => cancelAnimationFrame(frame)
  }, [panelKey])

  const pickHit = useCallback(
    (hit: SearchHit) => {
      setTyped('')
      setFilter(NO_FILTER)
      setAnchorAt(hit.at)
      setView('list')
      if (hit.kind === 'talking_point') open({ kind: 'detail', target: { kind: 'talking_point', id: hit.id } })
      else {
        openEntry({ kind: hit.kind, id: hit.id, at: hit.at })
        setReveal(entryKey(hit))
      }
    },
    [open, openEntry],
  )

  const filterCount = activeFilterCount(filter)
  const searching = query !== '' && view === 'list'
  const empty = feed.status === 'ready' && feed.items.length === 0

  let main: React.JSX.Element
  if (view === 'mood') {
    main = (
      <Suspense fallback={<LoadingArea label={s.mood.loading} />}>
        <MoodTrend />
      </Suspense>
    )
  } else if (searching) {
    main = <SearchResults query={query} now={now} onPick={pickHit} />
  } else if (feed.status === 'loading') {
    main = <LoadingArea label={s.list.label} />
  } else if (feed.status === 'error') {
    main = (
      <Banner tone="warning" action={<Button onClick={feed.retry}>{s.list.retry}</Button>}>
        {s.list.loadFailed}
      </Banner>
    )
  } else if (empty && (filterCount > 0 || anchorAt !== null)) {
    main = (
      <EmptyState icon="info" title={s.list.filteredEmptyTitle} action={<Button onClick={() => { setFilter(NO_FILTER); setAnchorAt(null) }}>{s.filters.reset}</Button>}>
        <p>{s.list.filteredEmptyBody}</p>
      </EmptyState>
    )
  } else if (empty) {
    main = (
      <EmptyState
        icon="leaf"
        title={s.list.emptyTitle}
        action={
          <div className="button-row button-row--center">
            <Button variant="primary" icon="plus" onClick={() => open({ kind: 'reflection', id: null, newKey: newKey() })}>
              {s.newReflection}
            </Button>
            <Button icon="clock" onClick={() => setSeriesOpen(true)}>
              {s.scheduleSessions}
            </Button>
            <Button variant="quiet" onClick={() => open({ kind: 'session', id: null, newKey: newKey() })}>
              {s.addSession}
            </Button>
          </div>
        }
      >
        <p>{s.list.emptyBody}</p>
      </EmptyState>
    )
  } else {
    main = (
      <>
        {showKeyboardHint ? (
          <p className="tl-hint small muted" id="tl-keyboard-hint">
            {s.list.keyboardHint}
          </p>
        ) : null}
        <TimelineList
          ref={listRef}
          rows={rows}
          ctx={ctx}
          openKey={openKey}
          loadingMore={feed.loadingMore}
          hasMore={feed.nextCursor !== null}
          moreFailed={feed.moreFailed}
          onLoadMore={feed.loadMore}
          onOpen={onOpenRow}
          onToggleLater={() => setLaterExpanded((x) => !x)}
          flat={!grouped}
          reveal={reveal}
          onRevealed={onRevealed}
        />
      </>
    )
  }

  return (
    <div className={`timeline-page${panel ? ' has-panel' : ''}`}>
      <header className="timeline-page__header">
        <div>
          <h1>{s.title}</h1>
          <p className="page__intro">{s.intro}</p>
        </div>
        <div className="timeline-page__actions">
          <Button variant="primary" icon="plus" onClick={() => open({ kind: 'reflection', id: null, newKey: newKey() })}>
            {s.newReflection}
          </Button>
          <Button icon="clock" onClick={() => open({ kind: 'session', id: null, newKey: newKey() })}>
            {s.addSession}
          </Button>
          <Button variant="quiet" onClick={() => setSeriesOpen(true)}>
            {s.scheduleSessions}
          </Button>
          <Button variant="quiet" onClick={() => setTagsOpen(true)}>
            {s.manageTags}
          </Button>
        </div>
      </header>

      <div className="timeline-toolbar">
        <form role="search" className="tl-search" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor={searchId} className="visually-hidden">
            {s.search.label}
          </label>
          <SearchGlyph />
          <input
            ref={searchRef}
            id={searchId}
            type="search"
            className="input tl-search__input"
            {...PRIVATE_FIELD}
            placeholder={s.search.placeholder}
            value={typed}
            aria-keyshortcuts="/"
            aria-describedby={`${searchId}-hint`}
            onChange={(event) => {
              setTyped(event.target.value)
              setView('list')
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && typed) {
                event.preventDefault()
                event.stopPropagation()
                setTyped('')
              } else if (event.key === 'ArrowDown') {
                const first = document.querySelector<HTMLElement>('.search-hit')
                if (first) {
                  event.preventDefault()
                  first.focus()
                }
              }
            }}
          />
          <span id={`${searchId}-hint`} className="visually-hidden">
            {s.search.hint}
          </span>
        </form>
        <Button variant={filterCount > 0 ? 'secondary' : 'quiet'} aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((x) => !x)}>
          {filterCount > 0 ? `${s.filters.show} · ${s.filters.active(filterCount)}` : s.filters.show}
        </Button>
        <div className="segmented" role="group" aria-label={s.views.label}>
          <button type="button" className="segmented__item" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            {s.views.list}
          </button>
          <button type="button" className="segmented__item" aria-pressed={view === 'mood'} onClick={() => setView('mood')}>
            {s.views.mood}
          </button>
        </div>
      </div>

      {filtersOpen ? <Filters id={filtersId} filter={filter} onChange={setFilter} /> : null}
      {anchorAt !== null && !searching && view === 'list' ? (
        <Banner tone="info" action={<Button onClick={() => setAnchorAt(null)}>{s.anchor.back}</Button>}>
          {s.anchor.showing(formatLongDay(anchorAt))}
        </Banner>
      ) : null}
      {notice ? (
        <Banner tone="success" action={<Button variant="quiet" onClick={() => setNotice(null)}>{journalStrings.undo.dismiss}</Button>}>
          {notice}
        </Banner>
      ) : null}

      <div className="timeline-body">
        <div className="timeline-main">
          {feed.skipped > 0 && !searching ? (
            <Banner tone="warning" action={<Button onClick={() => navigation.navigate('settings')}>{s.list.openRepair}</Button>}>
              {s.list.skipped(feed.skipped)}
            </Banner>
          ) : null}
          {main}
        </div>
        {panel ? <EntryPanel ref={panelRef} panel={panel} events={editorEvents} onClose={closePanel} /> : null}
      </div>

      {undo ? (
        <div className="undo-bar" role="status">
          <span>{undo.state === 'done' ? journalStrings.undo.undone : undo.state === 'failed' ? journalStrings.undo.failed : undo.message}</span>
          {undo.state === 'ready' || undo.state === 'busy' ? (
            <Button variant="secondary" onClick={() => void runUndo()} busy={undo.state === 'busy'}>
              {journalStrings.undo.undo}
            </Button>
          ) : null}
          <button type="button" className="icon-button" aria-label={journalStrings.undo.dismiss} onClick={() => setUndo(null)}>
            <Icon name="close" />
          </button>
        </div>
      ) : null}

      <SeriesDialog open={seriesOpen} onClose={() => setSeriesOpen(false)} onAdded={(n) => setNotice(journalStrings.series.added(n))} />
      <TagsManager open={tagsOpen} onClose={() => setTagsOpen(false)} />
    </div>
  )
}
