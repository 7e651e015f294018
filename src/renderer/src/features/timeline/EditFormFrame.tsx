import { useState, type FormEvent, type ReactNode } from 'react'
import { CHANNELS, PURPOSES, type ContactChannel, type Purpose } from '../../../../shared/domain/vocabulary'
import { Banner, Button, SelectField } from '../../components/ui'
import { channelLabels, purposeLabels } from '../agreements/agreements.strings'
import { timelineStrings as s } from './timeline.strings'

interface EditFormFrameProps {
  title: string
  /** Saves the form; null while a field is not valid yet. Throws when the core refused. */
  save: (() => Promise<void>) | null
  onCancel(): void
  children: ReactNode
}

/** The frame of an entry edited in the detail panel: a heading, the fields, Save and Cancel. */
export function EditFormFrame({ title, save, onCancel, children }: EditFormFrameProps): React.JSX.Element {
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (busy || save === null) return
    setBusy(true)
    setFailed(false)
    save().catch(() => {
      setBusy(false)
      setFailed(true)
    })
  }
  return (
    <form className="editor form" onSubmit={submit} noValidate>
      <header className="editor__header">
        <h2 className="editor__title" tabIndex={-1}>
          {title}
        </h2>
      </header>
      {failed ? (
        <Banner tone="danger" urgent>
          {s.edit.failed}
        </Banner>
      ) : null}
      {children}
      <footer className="editor__footer">
        <Button variant="quiet" onClick={onCancel}>
          {s.edit.cancel}
        </Button>
        <Button type="submit" variant="primary" icon="check" busy={busy} busyLabel={s.edit.saving} disabled={save === null}>
          {s.edit.save}
        </Button>
      </footer>
    </form>
  )
}

/** A select over one closed vocabulary (channels, purposes), each value shown with its label. */
function VocabularySelect<T extends string>(props: { label: string; values: readonly T[]; labels: Record<T, string>; value: T; onChange(value: T): void }): React.JSX.Element {
  return (
    <SelectField label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
      {props.values.map((v) => (
        <option key={v} value={v}>
          {props.labels[v]}
        </option>
      ))}
    </SelectField>
  )
}

export const ChannelSelect = ({ value, onChange }: { value: ContactChannel; onChange(channel: ContactChannel): void }): React.JSX.Element => (
  <VocabularySelect label={s.detail.channel} values={CHANNELS} labels={channelLabels} value={value} onChange={onChange} />
)

export const PurposeSelect = ({ value, onChange }: { value: Purpose; onChange(purpose: Purpose): void }): React.JSX.Element => (
  <VocabularySelect label={s.detail.purpose} values={PURPOSES} labels={purposeLabels} value={value} onChange={onChange} />
)
