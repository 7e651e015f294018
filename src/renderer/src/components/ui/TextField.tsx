import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { Field, useFieldIds, type FieldChromeProps } from './Field'

/**
 * Every field: nothing kept by Chromium's autofill or a spellchecker's dictionary (both live in
 * the browser profile, outside the vault), and text in any script laid out by its own direction.
 */
export const PRIVATE_FIELD = { autoComplete: 'off', spellCheck: false, dir: 'auto' } as const

export interface TextFieldProps extends FieldChromeProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  className?: string
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hint, error, optional, optionalText, className, id, 'aria-describedby': describedBy, ...input },
  ref,
) {
  const ids = useFieldIds(hint, error, id, describedBy)
  return (
    <Field {...{ label, hint, error, optional, optionalText, ids, className }}>
      <input
        ref={ref}
        id={ids.inputId}
        className="input"
        aria-invalid={error ? true : undefined}
        {...PRIVATE_FIELD}
        {...input}
        aria-describedby={ids.describedBy}
      />
    </Field>
  )
})

export interface TextAreaFieldProps extends FieldChromeProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  className?: string
}

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, hint, error, optional, optionalText, className, id, 'aria-describedby': describedBy, ...input },
  ref,
) {
  const ids = useFieldIds(hint, error, id, describedBy)
  return (
    <Field {...{ label, hint, error, optional, optionalText, ids, className }}>
      <textarea
        ref={ref}
        id={ids.inputId}
        className="input input--multiline"
        aria-invalid={error ? true : undefined}
        {...PRIVATE_FIELD}
        {...input}
        aria-describedby={ids.describedBy}
      />
    </Field>
  )
})

export interface SelectFieldProps extends FieldChromeProps, SelectHTMLAttributes<HTMLSelectElement> {
  className?: string
}

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, hint, error, optional, optionalText, className, id, 'aria-describedby': describedBy, children, ...select },
  ref,
) {
  const ids = useFieldIds(hint, error, id, describedBy)
  return (
    <Field {...{ label, hint, error, optional, optionalText, ids, className }}>
      <select
        ref={ref}
        id={ids.inputId}
        className="input input--select"
        aria-invalid={error ? true : undefined}
        {...select}
        aria-describedby={ids.describedBy}
      >
        {children}
      </select>
    </Field>
  )
})
