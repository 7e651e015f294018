import { useState } from 'react'
import type { ContactChannel, Purpose } from '../../../../shared/domain/vocabulary'
import type { Draft } from '../../../../shared/ipc/schemas/contacts'
import { PRIVATE_FIELD, TextAreaField } from '../../components/ui'
import { updateSince } from '../../lib/edit-base'
import { rpc } from '../../lib/rpc'
import { ChannelSelect, EditFormFrame, PurposeSelect } from './EditFormFrame'
import { timelineStrings as s } from './timeline.strings'

/**
 * A saved draft, changed in place: the message, what it is about and how it would go. The save
 * sends what the form opened with, so words a sync pass wrote meanwhile merge (patchOf's `base`).
 */
export function DraftEditForm({ draft, onSaved, onCancel }: { draft: Draft; onSaved(saved: Draft): void; onCancel(): void }): React.JSX.Element {
  const [body, setBody] = useState(draft.body)
  const [channel, setChannel] = useState<ContactChannel>(draft.channel)
  const [purpose, setPurpose] = useState<Purpose>(draft.purpose)
  return (
    <EditFormFrame title={s.edit.draftTitle} onCancel={onCancel} save={async () => onSaved(await rpc('drafts.update', updateSince(draft.id, { body, channel, purpose }, draft)))}>
      <TextAreaField label={s.edit.message} autoFocus rows={8} maxLength={200_000} value={body} onChange={(e) => setBody(e.target.value)} {...PRIVATE_FIELD} />
      <div className="form-grid">
        <PurposeSelect value={purpose} onChange={setPurpose} />
        <ChannelSelect value={channel} onChange={setChannel} />
      </div>
    </EditFormFrame>
  )
}
