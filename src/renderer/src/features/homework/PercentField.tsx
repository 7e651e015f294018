import { TextField } from '../../components/ui'

/** A whole number from 0 to `max` (100 by default); empty is null when `optional`. */
export function PercentField({
  label,
  value,
  onChange,
  optional,
  max = 100,
}: {
  label: string
  value: number | null
  onChange(value: number | null): void
  optional?: boolean
  max?: number
}): React.JSX.Element {
  return (
    <TextField
      className="percent-field"
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      max={max}
      step={1}
      autoComplete="off"
      optional={optional}
      value={value === null ? '' : String(value)}
      onChange={(e) => {
        const raw = e.target.value
        if (raw === '') return onChange(optional ? null : 0)
        const n = Math.round(Number(raw))
        if (Number.isFinite(n)) onChange(Math.min(max, Math.max(0, n)))
      }}
    />
  )
}
