import { useState, type FormEvent } from 'react'
import type { TalkingPoint } from '../../../../shared/ipc/schemas/talking-points'
import { Button, TextField } from '../../components/ui'
import { updateSince } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { sessionPrepStrings } from './session-prep.strings'

const t = sessionPrepStrings.points

/** A talking point's words, and the way to change them in place. */
export function PointText({ point, label, onMessage }: { point: TalkingPoint; label: string; onMessage(text: string): void }): React.JSX.Element {
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(point.text)
  const [busy, setBusy] = useState(false)

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = text.trim()
    if (trimmed === '' || trimmed === point.text) {
      setEditing(false)
      return
    }
    setBusy(true)
    try {
      await rpc('talkingPoints.update', updateSince(point.id, { text: trimmed }, point))
      setEditing(false)
      onMessage(t.edited)
    } catch {
      onMessage(t.failed)
    } finally {
      setBusy(false)
    }
  }

  if (!editing) {
    return (
      <div className="point__text-row">
        <p className="point__text" dir="auto">
          {point.text}
        </p>
        <Button
          variant="quiet"
          className="point__edit"
          aria-label={t.editLabel(label)}
          onClick={() => {
            setText(point.text)
            setEditing(true)
          }}
        >
          {t.edit}
        </Button>
      </div>
    )
  }
  return (
    <form className="point__edit-form" onSubmit={(event) => void save(event)}>
      <TextField label={t.editField} value={text} maxLength={2000} autoFocus onChange={(event) => setText(event.target.value)} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={busy}>
          {t.save}
        </Button>
        <Button variant="quiet" onClick={() => setEditing(false)}>
          {t.cancel}
        </Button>
      </div>
    </form>
  )
}
