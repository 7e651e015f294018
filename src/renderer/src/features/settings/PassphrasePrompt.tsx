import type { FormEvent, Ref } from 'react'
import { Button, PasswordField } from '../../components/ui'

interface PassphrasePromptProps {
  intro: string
  introClassName?: string
  label: string
  submitLabel: string
  strings: { show: string; capsLock: string; cancel: string }
  value: string
  /** Each change of the typed text (the caller clears its error). */
  onType: (value: string) => void
  error: string | null
  inputRef: Ref<HTMLInputElement>
  onSubmit: (event: FormEvent) => void
  onCancel: () => void
}

/** A dialog's one question for the current passphrase: a sentence, the field, Cancel and go on. */
export function PassphrasePrompt({ intro, introClassName, label, submitLabel, strings, value, onType, error, inputRef, onSubmit, onCancel }: PassphrasePromptProps): React.JSX.Element {
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className={introClassName}>{intro}</p>
      <PasswordField
        ref={inputRef}
        label={label}
        showLabel={strings.show}
        capsLockText={strings.capsLock}
        value={value}
        onChange={(event) => onType(event.target.value)}
        error={error}
        maxLength={1024}
        autoFocus
      />
      <div className="dialog__actions">
        <Button variant="quiet" onClick={onCancel}>
          {strings.cancel}
        </Button>
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
