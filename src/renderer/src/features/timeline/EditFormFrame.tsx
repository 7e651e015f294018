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

export function ChannelSelect({ value, onChange }: { value: ContactChannel; onChange(channel: ContactChannel): void }): React.JSX.Element {
  return (
    <SelectField label={s.detail.channel} value={value} onChange={(e) => onChange(e.target.value as ContactChannel)}>
      {CHANNELS.map((c) => (
        <option key={c} value={c}>
          {channelLabels[c]}
        </option>
      ))}
    </SelectField>
  )
}

export function PurposeSelect({ value, onChange }: { value: Purpose; onChange(purpose: Purpose): void }): React.JSX.Element {
  return (
    <SelectField label={s.detail.purpose} value={value} onChange={(e) => onChange(e.target.value as Purpose)}>
      {PURPOSES.map((p) => (
        <option key={p} value={p}>
          {purposeLabels[p]}
        </option>
      ))}
    </SelectField>
  )
}
