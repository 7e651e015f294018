import { memo } from 'react'
import { CHANNELS, type ContactChannel, type Purpose } from '../../../../shared/domain/vocabulary'
import { TextAreaField } from '../../components/ui'
import { RadioGroup } from '../agreements/controls'
import { RULE_PURPOSES } from '../agreements/rule-sentence'
import { channelLabels, contactStrings as s, purposeLabels } from './contact.strings'

interface PickerProps {
  purpose: Purpose | null
  channel: ContactChannel
  recorded: readonly ContactChannel[]
  address: (channel: ContactChannel) => string
  onPurpose: (purpose: Purpose) => void
  onChannel: (channel: ContactChannel) => void
}

/**
 * The question: what it is about and how it would go (radio groups: Tab into a group, arrows
 * between options), and the message itself, optional.
 */
export function ContactForm({
  draft,
  onDraft,
  ...pickers
}: PickerProps & { draft: string; onDraft: (text: string) => void }): React.JSX.Element {
  return (
    <form className="form contact-form" onSubmit={(e) => e.preventDefault()}>
      <Pickers {...pickers} />
      <div>
        <TextAreaField
          label={s.draft}
          hint={s.draftHint}
          optional
          optionalText={s.optional}
          rows={5}
          value={draft}
          maxLength={200_000}
          dir="auto"
          autoComplete="off"
          onChange={(e) => onDraft(e.target.value)}
        />
        <p className="muted small contact-form__count">{s.characters([...draft.trim()].length)}</p>
      </div>
    </form>
  )
}

/** The two radio groups: left as they are while the person types. */
const Pickers = memo(function Pickers({ purpose, channel, recorded, address, onPurpose, onChannel }: PickerProps) {
  return (
    <>
      <RadioGroup
        legend={s.purpose}
        options={RULE_PURPOSES.map((p) => ({
          value: p,
          label: purposeLabels[p],
          hint: s.purposeHints[p],
        }))}
        value={purpose}
        onChange={onPurpose}
        className="purpose-picker"
      />
      <RadioGroup
        legend={s.channel}
        options={orderedChannels(recorded).map((c) => ({
          value: c,
          label: channelLabels[c],
          hint: address(c) ? s.recorded(address(c)) : undefined,
        }))}
        value={channel}
        onChange={onChannel}
        className="channel-picker"
      />
    </>
  )
})

/** Recorded channels first, in the order the person recorded them; then the rest. */
function orderedChannels(recorded: readonly ContactChannel[]): ContactChannel[] {
  const first = [...new Set(recorded)]
  return [...first, ...CHANNELS.filter((c) => !first.includes(c))]
}
