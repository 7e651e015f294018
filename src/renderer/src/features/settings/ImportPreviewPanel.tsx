import { useEffect, useRef } from 'react'
import type { ChannelOutput } from '../../../../shared/ipc/contract'
import { Button } from '../../components/ui'
import { JobProgressBar } from './JobProgressBar'
import { describeCounts } from '../recovery/backup-format'
import { ImportChoices, type ImportOptionsInput } from './ImportChoices'
import { importStrings } from './import.strings'

const t = importStrings

export type ImportPreview = Extract<ChannelOutput<'import.choose'>, { status: 'ready' }>['preview']

const day = (ms: number) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(ms)
const dayTime = (ms: number) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms)

/** "entries.2" (the core's place) as "entry 3"; lines stay as they are. */
const placeLabel = (place: string): string => place.replace(/entries\.(\d+)/g, (_, index: string) => t.entry(Number(index) + 1))

function describeItem(item: ImportPreview['items'][number]): string {
  const parts = [
    item.kind === 'absence' ? t.absence : null,
    item.status ? (t.statuses[item.status as keyof typeof t.statuses] ?? null) : null,
    item.format ? t.formats[item.format] : null,
    item.mood !== null ? t.mood(item.mood) : null,
  ]
  return parts.filter((part): part is string => part !== null).join(' · ')
}

function ReasonList({ title, groups }: { title: string; groups: ImportPreview['skipped'] }): React.JSX.Element | null {
  if (groups.length === 0) return null
  return (
    <section className="import-preview__group" aria-label={title}>
      <h4 className="import-preview__heading">{title}</h4>
      <ul className="import-preview__reasons">
        {groups.map((group) => (
          <li key={group.reason}>
            <span className="import-preview__count">{new Intl.NumberFormat().format(group.count)}</span> {t.reasons[group.reason] ?? group.reason}
            {group.places.length > 0 && group.reason !== 'attachments' ? <span className="settings-action__hint"> {t.at(group.places.map(placeLabel).join(', '))}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

interface Props {
  preview: ImportPreview
  options: ImportOptionsInput
  busy: boolean
  onOptions: (next: ImportOptionsInput) => void
  onConfirm: () => void
  onCancel: () => void
}

/** What an import will do, the choices it offers, then Import or Don't import. */
export function ImportPreviewPanel({ preview, options, busy, onOptions, onConfirm, onCancel }: Props): React.JSX.Element {
  const adds = Object.values(preview.create).some((n) => n > 0)
  const heading = useRef<HTMLHeadingElement>(null)
  // A new file's preview takes the focus, so keyboard and screen reader users land on it.
  useEffect(() => heading.current?.focus(), [preview.planId])
  return (
    <div className="import-preview" role="region" aria-label={t.previewTitle}>
      <h3 className="import-preview__title" ref={heading} tabIndex={-1}>
        {t.previewTitle}
      </h3>
      <p>{adds ? t.willCreate(describeCounts(preview.create)) : t.nothingNew}</p>
      {preview.update > 0 ? <p>{t.willUpdate(preview.update)}</p> : null}
      {preview.unchanged > 0 ? <p>{t.unchanged(preview.unchanged)}</p> : null}
      {preview.edited > 0 ? <p>{t.edited(preview.edited)}</p> : null}
      {preview.range ? <p>{t.range(day(preview.range.from), day(preview.range.to))}</p> : null}
      <ImportChoices options={options} moods={preview.moods} onChange={onOptions} />
      <ReasonList title={t.skippedTitle} groups={preview.skipped} />
      <ReasonList title={t.repairsTitle} groups={preview.repairs} />
      {preview.items.length > 0 ? (
        <section className="import-preview__group" aria-label={t.firstItems(preview.items.length, preview.total)}>
          <h4 className="import-preview__heading">{t.firstItems(preview.items.length, preview.total)}</h4>
          <ol className="import-preview__items" tabIndex={0}>
            {preview.items.map((item, index) => (
              <li key={`${item.at}-${index}`}>
                <time dateTime={new Date(item.at).toISOString()}>{dayTime(item.at)}</time>{' '}
                <span dir="auto">{item.title}</span>
                {describeItem(item) ? <span className="settings-action__hint"> · {describeItem(item)}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {busy ? (
        <div className="import-preview__progress">
          <JobProgressBar op="import" />
          <p>{t.progress(preview.total)}</p>
        </div>
      ) : null}
      <div className="import-preview__actions">
        <Button variant="primary" busy={busy} busyLabel={t.confirming} onClick={onConfirm} disabled={!adds && preview.update === 0}>
          {t.confirm}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t.cancel}
        </Button>
      </div>
    </div>
  )
}
