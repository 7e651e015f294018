import { useVirtualizer } from '@tanstack/react-virtual'
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react'
import { Banner, Button, Spinner } from '../../components/ui'
import type { TimelineRow } from './timeline-rows'
import { TimelineRowView, type RowContext } from './TimelineRowView'
import { timelineStrings as s } from './timeline.strings'

export interface TimelineListHandle {
  /** Moves focus to the row with this key once it is loaded. */
  focusKey(key: string): void
  focusActive(): void
}

interface TimelineListProps {
  rows: TimelineRow[]
  ctx: RowContext
  openKey: string | null
  loadingMore: boolean
  hasMore: boolean
  moreFailed: boolean
  onLoadMore(): void
  onOpen(row: TimelineRow): void
  onToggleLater(): void
  /** No session headings (sessions filtered out): entries are not indented under them. */
  flat: boolean
  /** A row to scroll into view and make the tab stop once it is loaded (a search jump). */
  reveal: string | null
  onRevealed(): void
}

/** Rows to keep loaded below the last one on screen (a page is 500 entries). */
const AHEAD = 600

const focusable = (row: TimelineRow | undefined) => row !== undefined && row.type !== 'since'
const rowDomId = (key: string) => `tl-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`

/**
 * The feed: a virtualised list (only the rows in view are in the DOM) of sessions and entries.
 * Keyboard: j / ArrowDown and k / ArrowUp move between rows, Home / End, PageDown / PageUp,
 * Enter or Space opens. One row is in the tab order at a time (roving tabindex).
 */
export const TimelineList = forwardRef<TimelineListHandle, TimelineListProps>(function TimelineList(
  { rows, ctx, openKey, loadingMore, hasMore, moreFailed, onLoadMore, onOpen, onToggleLater, flat, reveal, onRevealed },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const pendingFocus = useRef<string | null>(null)

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => {
      const row = rows[i]
      return row?.type === 'group' ? 170 : row?.type === 'entry' ? 150 : 64
    },
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 6,
  })

  const activeIndex = Math.max(
    0,
    rows.findIndex((row) => row.key === activeKey),
  )
  const firstFocusable = rows.findIndex(focusable)
  const tabIndexRow = activeKey !== null && rows[activeIndex]?.key === activeKey ? activeIndex : firstFocusable

  const focusIndex = useCallback(
    (index: number) => {
      const row = rows[index]
      if (!row) return
      setActiveKey(row.key)
      pendingFocus.current = row.key
      virtualizer.scrollToIndex(index, { align: 'auto' })
      // The row mounts on the next frame if it was out of view.
      let tries = 0
      const attempt = () => {
        const el = document.getElementById(rowDomId(row.key))
        const target = row.type === 'later' ? el?.querySelector<HTMLElement>('button') : el
        if (target) {
          target.focus({ preventScroll: false })
          pendingFocus.current = null
        } else if (tries++ < 10) requestAnimationFrame(attempt)
      }
      // In view already: focus now, so a key pressed next starts from here.
      attempt()
    },
    [rows, virtualizer],
  )

  useImperativeHandle(
    ref,
    () => ({
      focusKey(key) {
        pendingFocus.current = key
        const index = rows.findIndex((row) => row.key === key)
        if (index >= 0) focusIndex(index)
      },
      focusActive() {
        if (tabIndexRow >= 0) focusIndex(tabIndexRow)
      },
    }),
    [rows, focusIndex, tabIndexRow],
  )

  // A row asked for before it was loaded: focus or reveal it when it arrives.
  useEffect(() => {
    const focusKey = pendingFocus.current
    if (focusKey) {
      const index = rows.findIndex((row) => row.key === focusKey)
      if (index >= 0) focusIndex(index)
    }
    if (reveal) {
      const index = rows.findIndex((row) => row.key === reveal)
      if (index >= 0) {
        setActiveKey(reveal)
        virtualizer.scrollToIndex(index, { align: 'start' })
        onRevealed()
      }
    }
  }, [rows, focusIndex, virtualizer, reveal, onRevealed])

  // Keep about a page loaded beyond what is on screen, so scrolling rarely meets "loading".
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? 0
  // The first rows paint before the next page is asked for; from then on, pages are asked at once.
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => setPainted(true))
    return () => cancelAnimationFrame(frame)
  }, [])
  useEffect(() => {
    if (painted && hasMore && !loadingMore && !moreFailed && lastIndex >= rows.length - AHEAD) onLoadMore()
  }, [painted, lastIndex, rows.length, hasMore, loadingMore, moreFailed, onLoadMore])

  const step = (from: number, delta: number): number => {
    let i = from
    for (;;) {
      const next = i + delta
      if (next < 0 || next >= rows.length) return i
      i = next
      if (focusable(rows[i])) return i
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const target = event.target as HTMLElement
    if (target.closest('input, textarea, select')) return
    // The row that has focus (state may lag a keypress that follows focus at once).
    const rowEl = target.closest('article')
    const current = rowEl ? rows.findIndex((row) => rowDomId(row.key) === rowEl.id) : rows.findIndex((row) => row.key === activeKey)
    const from = current >= 0 ? current : firstFocusable
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / 110))
    let next: number
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        next = current >= 0 ? step(from, 1) : from
        break
      case 'k':
      case 'ArrowUp':
        next = step(from, -1)
        break
      case 'PageDown':
        next = step(Math.min(rows.length - 1, from + page - 1), 1)
        break
      case 'PageUp':
        next = step(Math.max(0, from - page + 1), -1)
        break
      case 'Home':
        next = firstFocusable
        break
      case 'End':
        next = step(rows.length, -1)
        break
      case 'Enter':
      case ' ': {
        const row = rows[from]
        if (row && row.type !== 'since' && target.tagName !== 'BUTTON') {
          event.preventDefault()
          if (row.type === 'later') onToggleLater()
          else onOpen(row)
        }
        return
      }
      default:
        return
    }
    event.preventDefault()
    if (next !== null && next >= 0) focusIndex(next)
  }

  return (
    <div className="tl-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
      <div role="feed" aria-label={s.list.label} aria-busy={loadingMore} className={`tl-feed${flat ? ' tl-feed--flat' : ''}`} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="tl-slot" style={{ transform: `translateY(${item.start}px)` }}>
              {row ? (
                <TimelineRowView
                  row={row}
                  ctx={ctx}
                  id={rowDomId(row.key)}
                  active={item.index === tabIndexRow}
                  open={row.key === openKey}
                  posinset={item.index + 1}
                  onOpen={() => {
                    setActiveKey(row.key)
                    onOpen(row)
                  }}
                  onToggleLater={onToggleLater}
                  onFocusRow={() => setActiveKey(row.key)}
                />
              ) : null}
            </div>
          )
        })}
      </div>
      <div className="tl-footer">
        {moreFailed ? (
          <Banner tone="warning" action={<Button onClick={onLoadMore}>{s.list.retry}</Button>}>
            {s.list.loadFailed}
          </Banner>
        ) : hasMore || loadingMore ? (
          <>
            <Spinner size={18} />
            <span>{s.list.loadingMore}</span>
          </>
        ) : rows.length > 0 ? (
          <span className="tl-end">{s.list.end}</span>
        ) : null}
      </div>
    </div>
  )
})
