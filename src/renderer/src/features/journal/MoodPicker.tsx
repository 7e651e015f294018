import { useId } from 'react'
import { journalStrings as s } from './journal.strings'

interface MoodPickerProps {
  legend: string
  value: number | null
  onChange(value: number | null): void
}

/** An optional 1–5 mood as a row of radio buttons, "Rather not say" first. */
export function MoodPicker({ legend, value, onChange }: MoodPickerProps): React.JSX.Element {
  const name = useId()
  const options: Array<[number | null, string]> = [[null, s.mood.none], ...s.mood.values.map((label, i) => [i + 1, label] as [number, string])]
  return (
    <fieldset className="mood-picker">
      <legend className="field__label">
        {legend} <span className="field__optional">{s.mood.optional}</span>
      </legend>
      <div className="mood-picker__options">
        {options.map(([mood, label]) => (
          <label key={label} className="mood-picker__option" data-mood={mood ?? 'none'}>
            <input type="radio" name={name} checked={value === mood} onChange={() => onChange(mood)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
