import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { TherapistChannel } from '../../../../shared/ipc/schemas/therapists'
import type { ContactChannel } from '../../../../shared/domain/vocabulary'
import { CHANNELS } from '../../../../shared/domain/vocabulary'
import { Banner, Button, Icon, PRIVATE_FIELD, SelectField, TextField } from '../../components/ui'
import { isRpcError } from '../../lib/rpc'
import { therapistsStrings as s } from './therapists.strings'

export interface TherapistDraft {
  name: string
  pronouns: string
  practice: string
  timeZone: string
  channels: TherapistChannel[]
}

interface ChannelRow {
  key: number
  channel: ContactChannel
  address: string
  label: string
}

export const localTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

function timeZones(current: string): string[] {
  let zones: string[]
  try {
    zones = Intl.supportedValuesOf('timeZone')
  } catch {
    zones = []
  }
  return zones.includes(current) ? zones : [current, ...zones]
}

/** "Europe/London" → "Europe / London"; readable without being translated. */
const zoneLabel = (zone: string): string => zone.replace(/_/g, ' ').replace(/\//g, ' / ')

interface TherapistFormProps {
  submitLabel: string
  submittingLabel: string
  onSubmit: (draft: TherapistDraft) => Promise<void>
  secondary?: ReactNode
  /** Editing: the therapist as saved (every field starts from it). */
  initial?: TherapistDraft
}

/** Name, pronouns, practice, time zone (the person's by default) and the agreed ways to get in touch. */
export function TherapistForm({ submitLabel, submittingLabel, onSubmit, secondary, initial }: TherapistFormProps): React.JSX.Element {
  const [name, setName] = useState(initial?.name ?? '')
  const [pronouns, setPronouns] = useState(initial?.pronouns ?? '')
  const [practice, setPractice] = useState(initial?.practice ?? '')
  const [timeZone, setTimeZone] = useState(initial?.timeZone ?? localTimeZone)
  const [rows, setRows] = useState<ChannelRow[]>(() => (initial?.channels ?? []).map((row, i) => ({ key: i + 1, channel: row.channel, address: row.address, label: row.label })))
  const nextKey = useRef((initial?.channels.length ?? 0) + 1)
  const [errors, setErrors] = useState<{ name?: string; rows?: Record<number, string>; form?: string }>({})
  const [busy, setBusy] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)
  const zones = useMemo(() => timeZones(timeZone), [timeZone])
  const channelsIntroId = useId()

  const addRow = (): void => {
    const key = nextKey.current++
    setRows((current) => [...current, { key, channel: 'email', address: '', label: '' }])
    // Focus the new row's first control once it renders.
    window.requestAnimationFrame(() => document.getElementById(`channel-${key}`)?.focus())
  }
  const updateRow = (key: number, patch: Partial<ChannelRow>): void =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)))
  const removeRow = (key: number, index: number): void => {
    setRows((current) => current.filter((row) => row.key !== key))
    window.requestAnimationFrame(() => {
      const rest = document.querySelectorAll<HTMLSelectElement>('[data-channel-select]')
      const target = rest[Math.min(index, rest.length - 1)]
      if (target) target.focus()
      else document.getElementById('add-channel')?.focus()
    })
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    const rowErrors: Record<number, string> = {}
    for (const row of rows) if (row.address.trim() === '') rowErrors[row.key] = s.add.addressMissing
    if (name.trim() === '' || Object.keys(rowErrors).length > 0) {
      setErrors({ ...(name.trim() === '' ? { name: s.add.nameMissing } : {}), rows: rowErrors })
      if (name.trim() === '') nameRef.current?.focus()
      else document.getElementById(`address-${Object.keys(rowErrors)[0]}`)?.focus()
      return
    }
    setErrors({})
    setBusy(true)
    try {
      await onSubmit({
        name: name.trim(),
        pronouns: pronouns.trim(),
        practice: practice.trim(),
        timeZone,
        channels: rows.map(({ channel, address, label }) => ({ channel, address: address.trim(), label: label.trim() })),
      })
    } catch (error) {
      setBusy(false)
      setErrors({ form: isRpcError(error, 'INVALID_INPUT') ? s.add.invalid : s.add.failed })
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {errors.form ? (
        <Banner tone="danger" urgent>
          {errors.form}
        </Banner>
      ) : null}
      <TextField
        ref={nameRef}
        label={s.add.name}
        placeholder={s.add.namePlaceholder}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
        maxLength={200}
        autoComplete="off"
        autoFocus
      />
      <TextField
        label={s.add.pronouns}
        hint={s.add.pronounsHint}
        optional
        optionalText={s.add.optional}
        placeholder={s.add.pronounsPlaceholder}
        value={pronouns}
        onChange={(event) => setPronouns(event.target.value)}
        maxLength={60}
        {...PRIVATE_FIELD}
      />
      <TextField
        label={s.add.practice}
        hint={s.add.practiceHint}
        optional
        optionalText={s.add.optional}
        value={practice}
        onChange={(event) => setPractice(event.target.value)}
        maxLength={500}
        autoComplete="off"
      />
      <SelectField label={s.add.timeZone} hint={s.add.timeZoneHint} value={timeZone} onChange={(event) => setTimeZone(event.target.value)}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zoneLabel(zone)}
          </option>
        ))}
      </SelectField>

      <fieldset className="fieldset" aria-describedby={channelsIntroId}>
        <legend className="fieldset__title">
          {s.add.channelsTitle} <span className="field__optional">{s.add.optional}</span>
        </legend>
        <p className="muted small" id={channelsIntroId}>
          {s.add.channelsIntro}
        </p>
        {rows.length > 0 ? (
          <ol className="channel-rows">
            {rows.map((row, index) => (
              <li key={row.key} className="channel-row">
                <SelectField
                  id={`channel-${row.key}`}
                  data-channel-select=""
                  label={s.add.channel}
                  value={row.channel}
                  onChange={(event) => updateRow(row.key, { channel: event.target.value as ContactChannel })}
                >
                  {CHANNELS.map((channel) => (
                    <option key={channel} value={channel}>
                      {s.channels[channel]}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id={`address-${row.key}`}
                  label={s.add.address(row.channel)}
                  value={row.address}
                  onChange={(event) => updateRow(row.key, { address: event.target.value })}
                  error={errors.rows?.[row.key]}
                  maxLength={500}
                  autoComplete="off"
                />
                <TextField
                  label={s.add.label}
                  optional
                  optionalText={s.add.optional}
                  placeholder={s.add.labelPlaceholder}
                  value={row.label}
                  onChange={(event) => updateRow(row.key, { label: event.target.value })}
                  maxLength={100}
                  autoComplete="off"
                />
                <button type="button" className="icon-button channel-row__remove" aria-label={s.add.removeChannel(index + 1)} onClick={() => removeRow(row.key, index)}>
                  <Icon name="trash" />
                </button>
              </li>
            ))}
          </ol>
        ) : null}
        <div>
          <Button id="add-channel" variant="quiet" icon="plus" onClick={addRow} disabled={rows.length >= 20}>
            {s.add.addChannel}
          </Button>
        </div>
      </fieldset>

      <div className="button-row button-row--split">
        {secondary ?? <span />}
        <Button type="submit" variant="primary" busy={busy} busyLabel={submittingLabel}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
