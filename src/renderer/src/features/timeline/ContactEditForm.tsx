import { useState } from 'react'
import { CONTACT_DIRECTIONS, type ContactChannel, type ContactDirection, type Purpose } from '../../../../shared/domain/vocabulary'
import type { Contact } from '../../../../shared/ipc/schemas/contacts'
import { instantFromLocalParts, localParts } from '../../../../shared/domain/time/local-time'
import { PRIVATE_FIELD, SelectField, TextAreaField, TextField } from '../../components/ui'
import { updateSince } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { ChannelSelect, EditFormFrame, PurposeSelect } from './EditFormFrame'
import { localZone } from './format'
import { timelineStrings as s } from './timeline.strings'

/** A logged contact, changed in place: direction, channel, purpose, when, and what was said. */
export function ContactEditForm({ contact, onSaved, onCancel }: { contact: Contact; onSaved(saved: Contact): void; onCancel(): void }): React.JSX.Element {
  const zone = localZone()
  const [direction, setDirection] = useState<ContactDirection>(contact.direction)
  const [channel, setChannel] = useState<ContactChannel>(contact.channel)
  const [purpose, setPurpose] = useState<Purpose>(contact.purpose)
  const [{ date, time }, setWhen] = useState(() => localParts(contact.at, zone))
  const [summary, setSummary] = useState(contact.summary)
  const at = instantFromLocalParts(date, time, zone)
  // The save sends what the form opened with, so words a sync pass wrote meanwhile merge (patchOf's `base`).
  return (
    <EditFormFrame
      title={s.edit.contactTitle}
      onCancel={onCancel}
      save={at === null ? null : async () => onSaved(await rpc('contacts.update', updateSince(contact.id, { direction, channel, purpose, at, summary }, contact)))}
    >
      <div className="form-grid">
        <SelectField label={s.edit.direction} autoFocus value={direction} onChange={(e) => setDirection(e.target.value as ContactDirection)}>
          {CONTACT_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {s.edit.directions[d]}
            </option>
          ))}
        </SelectField>
        <ChannelSelect value={channel} onChange={setChannel} />
        <PurposeSelect value={purpose} onChange={setPurpose} />
      </div>
      <div className="form-grid">
        <TextField label={s.edit.date} type="date" value={date} onChange={(e) => setWhen({ date: e.target.value, time })} error={at === null ? s.edit.invalidWhen : undefined} />
        <TextField label={s.edit.time} type="time" value={time} onChange={(e) => setWhen({ date, time: e.target.value })} />
      </div>
      <TextAreaField label={s.detail.summary} optional optionalText={s.edit.optional} rows={6} maxLength={200_000} value={summary} onChange={(e) => setSummary(e.target.value)} {...PRIVATE_FIELD} />
    </EditFormFrame>
  )
}
