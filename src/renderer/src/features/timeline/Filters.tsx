import { HOMEWORK_KINDS } from '../homework/homework-entries'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import type { TimelineKind } from '../../../../shared/ipc/schemas/timeline'
import { instantFromLocalParts, localParts } from '../../../../shared/domain/time/local-time'
import { Button, SelectField, TextField } from '../../components/ui'
import { tagsQuery } from '../journal/journal.queries'
import { therapistsListQuery } from '../therapists/therapists.queries'
import { localZone } from './format'
import { timelineStrings as s } from './timeline.strings'
import { NO_FILTER, type TimelineFilter } from './use-timeline-feed'

export const ALL_KINDS: TimelineKind[] = ['session', 'reflection', 'contact', 'draft', 'rule_change', ...HOMEWORK_KINDS]

export function activeFilterCount(filter: TimelineFilter): number {
  return (filter.kinds ? 1 : 0) + (filter.tag ? 1 : 0) + (filter.therapistId ? 1 : 0) + (filter.from !== null ? 1 : 0) + (filter.to !== null ? 1 : 0)
}

const DAY = 86_400_000
const dateOf = (t: number | null) => (t === null ? '' : localParts(t, localZone()).date)
const startOf = (date: string) => (date ? instantFromLocalParts(date, '00:00', localZone()) : null)

interface FiltersProps {
  id: string
  filter: TimelineFilter
  onChange(filter: TimelineFilter): void
}

/** Entry type, tag, therapist and date range. */
export function Filters({ id, filter, onChange }: FiltersProps): React.JSX.Element {
  const tags = useQuery(tagsQuery())
  const therapists = useQuery(therapistsListQuery())
  const baseId = useId()
  const kinds = filter.kinds ?? ALL_KINDS

  const toggleKind = (kind: TimelineKind, on: boolean) => {
    const next = on ? ALL_KINDS.filter((k) => k === kind || kinds.includes(k)) : kinds.filter((k) => k !== kind)
    if (next.length === 0) return
    onChange({ ...filter, kinds: next.length === ALL_KINDS.length ? null : next })
  }

  return (
    <section id={id} className="tl-filters" aria-label={s.filters.label}>
      <fieldset className="tl-filters__kinds">
        <legend className="field__label">{s.filters.kinds}</legend>
        <div className="tl-filters__checks">
          {ALL_KINDS.map((kind) => (
            <label key={kind} className="check-pill">
              <input type="checkbox" checked={kinds.includes(kind)} onChange={(event) => toggleKind(kind, event.target.checked)} />
              <span>{s.filters.kind[kind]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="tl-filters__grid">
        <SelectField id={`${baseId}-tag`} label={s.filters.tag} value={filter.tag ?? ''} onChange={(event) => onChange({ ...filter, tag: event.target.value || null })}>
          <option value="">{s.filters.anyTag}</option>
          {(tags.data ?? []).map((tag) => (
            <option key={tag.id} value={tag.name}>
              {tag.name}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${baseId}-therapist`} label={s.filters.therapist} value={filter.therapistId ?? ''} onChange={(event) => onChange({ ...filter, therapistId: event.target.value || null })}>
          <option value="">{s.filters.anyTherapist}</option>
          {(therapists.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <TextField id={`${baseId}-from`} label={s.filters.from} type="date" value={dateOf(filter.from)} onChange={(event) => onChange({ ...filter, from: startOf(event.target.value) })} />
        <TextField
          id={`${baseId}-to`}
          label={s.filters.to}
          type="date"
          value={filter.to === null ? '' : dateOf(filter.to - DAY / 2)}
          onChange={(event) => {
            const start = startOf(event.target.value)
            // "Until" includes that whole day: the filter's `to` is the next local midnight.
            onChange({ ...filter, to: start === null ? null : startOf(localParts(start + DAY * 1.5, localZone()).date) })
          }}
        />
      </div>
      <div className="button-row">
        <Button variant="quiet" onClick={() => onChange(NO_FILTER)} disabled={activeFilterCount(filter) === 0}>
          {s.filters.reset}
        </Button>
      </div>
    </section>
  )
}
