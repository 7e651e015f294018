import { useId, type ReactNode } from 'react'
import { Icon } from './Icon'

export interface FieldChromeProps {
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
  /** Marks the label "(optional)" rather than marking required fields. */
  optional?: boolean
  optionalText?: string
}

export interface FieldIds {
  inputId: string
  hintId: string | undefined
  errorId: string | undefined
  describedBy: string | undefined
}

/** IDs that tie a control to its label, hint and error (aria-describedby, aria-invalid). */
export function useFieldIds(hint: unknown, error: unknown, id?: string, extraDescribedBy?: string): FieldIds {
  const auto = useId()
  const inputId = id ?? `f${auto}`
  const hintId = hint ? `${inputId}-hint` : undefined
  const errorId = error ? `${inputId}-error` : undefined
  const describedBy = [errorId, hintId, extraDescribedBy].filter(Boolean).join(' ') || undefined
  return { inputId, hintId, errorId, describedBy }
}

interface FieldProps extends FieldChromeProps {
  ids: FieldIds
  children: ReactNode
  className?: string
}

/** Label above, hint below the label, the control, then the error (announced politely). */
export function Field({ label, hint, error, optional, optionalText = '(optional)', ids, children, className }: FieldProps): React.JSX.Element {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.inputId}>
        {label}
        {optional ? <span className="field__optional"> {optionalText}</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field__error" id={ids.errorId}>
          <Icon name="alert" size={16} />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  )
}
