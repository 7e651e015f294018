import { useState } from 'react'
import { CHANNELS, type ContactChannel } from '../../../../shared/domain/vocabulary'
import { Button, Dialog, SelectField, TextAreaField } from '../../components/ui'
import { channelLabels, contactStrings as s } from './contact.strings'

const t = s.replyDialog

/** "Log a reply I received": what they said, in short, and how it came. */
export function ReplyDialog({
  open,
  channel,
  onClose,
  onSave,
}: {
  open: boolean
  channel: ContactChannel
  onClose: () => void
  onSave: (summary: string, channel: ContactChannel) => void
}): React.JSX.Element {
  return (
    <Dialog open={open} onClose={onClose} title={t.title} closeLabel={t.close}>
      {open ? <ReplyForm channel={channel} onClose={onClose} onSave={onSave} /> : null}
    </Dialog>
  )
}

function ReplyForm({
  channel,
  onClose,
  onSave,
}: {
  channel: ContactChannel
  onClose: () => void
  onSave: (summary: string, channel: ContactChannel) => void
}): React.JSX.Element {
  const [summary, setSummary] = useState('')
  const [how, setHow] = useState<ContactChannel>(channel)
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(summary, how)
      }}
    >
      <TextAreaField
        label={t.summary}
        hint={t.summaryHint}
        rows={3}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <SelectField
        label={t.channel}
        value={how}
        onChange={(e) => setHow(e.target.value as ContactChannel)}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {channelLabels[c]}
          </option>
        ))}
      </SelectField>
      <div className="button-row button-row--end">
        <Button variant="quiet" onClick={onClose}>
          {t.cancel}
        </Button>
        <Button type="submit" variant="primary">
          {t.save}
        </Button>
      </div>
    </form>
  )
}
