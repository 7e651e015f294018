import './controls.css'
import { useId, type ReactNode } from 'react'

/**
 * Small form controls shared by the agreements, contact, crisis plan and session prep screens:
 * native checkboxes and radios in a fieldset with a legend, so every group is labelled and
 * operable with the keyboard (Tab into a group, arrows between radios, Space to tick).
 */

interface Option<V extends string> {
  value: V
  label: ReactNode
  hint?: ReactNode
}

interface GroupProps {
  legend: ReactNode
  hint?: ReactNode
  error?: ReactNode
  className?: string
  /** Lay the options out in a row (short labels) rather than a column. */
  inline?: boolean
  /** Visually hide the legend (it is still read out). */
  hideLegend?: boolean
}

function Group({
  legend,
  hint,
  error,
  className,
  inline,
  hideLegend,
  children,
}: GroupProps & { children: ReactNode }): React.JSX.Element {
  const id = useId()
  return (
    <fieldset
      className={['choice-group', inline ? 'choice-group--inline' : '', error ? 'choice-group--invalid' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className={hideLegend ? 'visually-hidden' : 'choice-group__legend'}>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="choice-group__options">{children}</div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span>{error}</span>
        </p>
      ) : null}
    </fieldset>
  )
}

export function CheckboxGroup<V extends string>({
  options,
  value,
  onChange,
  ...group
}: GroupProps & { options: ReadonlyArray<Option<V>>; value: readonly V[]; onChange: (next: V[]) => void }): React.JSX.Element {
  return (
    <Group {...group}>
      {options.map((option) => (
        <Checkbox
          key={option.value}
          label={option.label}
          hint={option.hint}
          checked={value.includes(option.value)}
          onChange={(checked) =>
            onChange(checked ? options.map((o) => o.value).filter((v) => v === option.value || value.includes(v)) : value.filter((v) => v !== option.value))
          }
        />
      ))}
    </Group>
  )
}

export function RadioGroup<V extends string>({
  options,
  value,
  onChange,
  name,
  ...group
}: GroupProps & { options: ReadonlyArray<Option<V>>; value: V | null; onChange: (next: V) => void; name?: string }): React.JSX.Element {
  const auto = useId()
  return (
    <Group {...group}>
      {options.map((option) => (
        <Choice
          key={option.value}
          type="radio"
          name={name ?? auto}
          label={option.label}
          hint={option.hint}
          checked={value === option.value}
          onChange={() => onChange(option.value)}
        />
      ))}
    </Group>
  )
}

export function Checkbox({
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  label: ReactNode
  hint?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
}): React.JSX.Element {
  return <Choice type="checkbox" label={label} hint={hint} checked={checked} onChange={onChange} disabled={disabled} />
}

function Choice({
  type,
  name,
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  type: 'checkbox' | 'radio'
  name?: string
  label: ReactNode
  hint?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
}): React.JSX.Element {
  const id = useId()
  return (
    <div className={`choice choice--${type}`}>
      <input
        id={id}
        type={type}
        name={name}
        className="choice__input"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="choice__label">
        {label}
        {hint ? (
          <span className="choice__hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  )
}

/** "2026-03-03" (local) <-> epoch ms at local midnight. */
export function toDateInput(ms: number | null): string {
  if (ms === null) return ''
  const d = new Date(ms)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export function fromDateInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return null
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime()
}

/** The same local date `months` later. */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms)
  return new Date(d.getFullYear(), d.getMonth() + months, d.getDate()).getTime()
}

export const startOfDay = (ms: number): number => {
  const d = new Date(ms)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}
