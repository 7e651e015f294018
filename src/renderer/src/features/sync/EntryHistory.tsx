/**
 * "Also edited on the other computer at 14:02 — show": for one entry, the values that lost to
 * an edit made on another computer (kept by sync, served by `sync.history`), shown on demand.
 * Renders nothing while sync is off or nothing was kept.
 */
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { SYNC_HISTORY_KINDS } from '../../../../shared/ipc/schemas/sync'
import { rpc } from '../../lib/rpc'
import { formatDateTime } from '../timeline/format'
import { entryHistoryStrings as s } from './entry-history.strings'
import { keptValueText, type KeptValue } from './entry-history-value'
import { syncStatusQuery } from './sync.queries'
import './entry-history.css'

/** An entry by its id, or the crisis plan (its table's one row). */
type Target = { table: (typeof SYNC_HISTORY_KINDS)[number]; id: string } | { table: 'crisis_plan'; id?: undefined }

type Props = Target & {
  /** Which entry, where several share a screen (a day of the diary card). */
  about?: string
  /** A kept value in words, where the generic reading (entry-history-value.ts) would not do; undefined for that reading. */
  keptText?: (field: string, value: KeptValue) => string | undefined
}

export function EntryHistory({ about, keptText, ...target }: Props): React.JSX.Element | null {
  const listId = useId()
  const [open, setOpen] = useState(false)
  const sync = useQuery(syncStatusQuery())
  const history = useQuery({
    queryKey: ['sync', 'history', target.table, target.id ?? null],
    queryFn: () => rpc('sync.history', target.id === undefined ? { table: 'crisis_plan' } : { table: target.table, id: target.id }),
    enabled: sync.data?.enabled === true,
    retry: false,
  })
  const entries = history.data?.entries ?? []
  if (entries.length === 0) return null
  return (
    <section className="entry-history" aria-label={s.listLabel}>
      <p className="entry-history__line small">
        {about ? s.alsoEditedOn(about, formatDateTime(entries[0]!.at)) : s.alsoEdited(formatDateTime(entries[0]!.at))}{' '}
        <button type="button" className="entry-history__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? s.hide : s.show}
        </button>
      </p>
      {open ? (
        <ul className="entry-history__list" id={listId}>
          {entries.map((entry, index) => (
            <li key={`${entry.field}-${entry.at}-${index}`} className="entry-history__item">
              <span className="entry-history__field">{s.fields[entry.field] ?? s.otherField}</span>
              <span className="entry-history__value" dir="auto">
                {keptText?.(entry.field, entry.value) ?? keptValueText(entry.field, entry.value, formatDateTime)}
              </span>
              <span className="muted small">{s.keptAt(formatDateTime(entry.at))}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
