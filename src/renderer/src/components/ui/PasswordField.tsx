import { forwardRef, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react'
import { Field, useFieldIds, type FieldChromeProps } from './Field'
import { Icon } from './Icon'

export interface PasswordFieldProps extends FieldChromeProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'> {
  className?: string
  /** The toggle's name; it stays the same and aria-pressed carries the state. */
  showLabel: string
  /** Shown while Caps Lock is on and the field has focus. */
  capsLockText?: string
  /** Rendered under the input (a strength meter, for example). */
  below?: ReactNode
}

/**
 * A passphrase input with a show/hide toggle. It never autocompletes or spellchecks (spellcheck
 * dictionaries can learn what is typed), and it warns about Caps Lock.
 */
export const PasswordField = forwardRef<HTMLInputElement, PasswordFieldProps>(function PasswordField(
  { label, hint, error, optional, optionalText, className, id, 'aria-describedby': describedBy, showLabel, capsLockText, below, onKeyDown, onKeyUp, onBlur, ...input },
  ref,
) {
  const ids = useFieldIds(hint, error, id, describedBy)
  const [visible, setVisible] = useState(false)
  const [capsLock, setCapsLock] = useState(false)
  const trackCaps = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (typeof event.getModifierState === 'function') setCapsLock(event.getModifierState('CapsLock'))
  }
  return (
    <Field {...{ label, hint, error, optional, optionalText, ids, className }}>
      <div className="password">
        <input
          {...input}
          ref={ref}
          id={ids.inputId}
          className="input password__input"
          type={visible ? 'text' : 'password'}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          onKeyDown={(event) => {
            trackCaps(event)
            onKeyDown?.(event)
          }}
          onKeyUp={(event) => {
            trackCaps(event)
            onKeyUp?.(event)
          }}
          onBlur={(event) => {
            setCapsLock(false)
            onBlur?.(event)
          }}
        />
        <button
          type="button"
          className="password__toggle"
          aria-pressed={visible}
          aria-controls={ids.inputId}
          onClick={() => setVisible((v) => !v)}
        >
          <Icon name={visible ? 'eyeOff' : 'eye'} size={18} />
          <span>{showLabel}</span>
        </button>
      </div>
      {capsLock && capsLockText ? <p className="field__caps" role="status">{capsLockText}</p> : null}
      {below}
    </Field>
  )
})
