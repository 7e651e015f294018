import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { Banner, Button, PasswordField } from '../../components/ui'
import { assessPassphrase, MIN_SCORE, type Strength } from './strength'
import { StrengthMeter, usePassphraseStrength } from './StrengthMeter'
import { vaultStrings as s } from './vault.strings'

interface NewPassphraseFormProps {
  submitLabel: string
  submittingLabel: string
  /** Resolves when done; throws with a message (already in our words) to show. */
  onSubmit: (passphrase: string) => Promise<void>
  secondary?: ReactNode
}

/** Used when the strength checker could not load: length is the fallback test. */
const FALLBACK_MIN_LENGTH = 14

/**
 * Passphrase twice, with a strength meter. Refuses passphrases zxcvbn scores below 3 and says
 * why in its own advice; the core makes its own check as well.
 */
export function NewPassphraseForm({ submitLabel, submittingLabel, onSubmit, secondary }: NewPassphraseFormProps): React.JSX.Element {
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<{ passphrase?: ReactNode; confirm?: string; form?: string }>({})
  const [busy, setBusy] = useState(false)
  const strength = usePassphraseStrength(passphrase)
  const meterId = useId()
  const passphraseRef = useRef<HTMLInputElement>(null)
  const confirmRef = useRef<HTMLInputElement>(null)

  const weakMessage = (assessed: Strength | null): ReactNode => {
    if (!assessed) return s.create.fallbackTooShort
    // The meter already shows zxcvbn's warning; the error adds its suggestions.
    const suggestions = assessed?.suggestions ?? []
    return (
      <>
        {s.create.tooWeak}
        {suggestions.length === 0 ? ` ${s.create.tryMoreWords}` : null}
        {suggestions.length > 0 ? (
          <span className="advice">
            {suggestions.map((suggestion) => (
              <span key={suggestion} className="advice__item">
                {suggestion}
              </span>
            ))}
          </span>
        ) : null}
      </>
    )
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    if (passphrase === '') {
      setErrors({ passphrase: s.create.empty })
      passphraseRef.current?.focus()
      return
    }
    const assessed = await assessPassphrase(passphrase).catch(() => null)
    const strongEnough = assessed ? assessed.score >= MIN_SCORE : passphrase.length >= FALLBACK_MIN_LENGTH
    if (!strongEnough) {
      setErrors({ passphrase: weakMessage(assessed) })
      passphraseRef.current?.focus()
      return
    }
    if (confirm === '') {
      setErrors({ confirm: s.create.confirmEmpty })
      confirmRef.current?.focus()
      return
    }
    if (confirm !== passphrase) {
      setErrors({ confirm: s.create.mismatch })
      confirmRef.current?.focus()
      return
    }
    setErrors({})
    setBusy(true)
    try {
      await onSubmit(passphrase)
    } catch (error) {
      setBusy(false)
      setErrors({ form: error instanceof Error ? error.message : s.errors.generic })
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {errors.form ? (
        <Banner tone="danger" urgent>
          {errors.form}
        </Banner>
      ) : null}
      <PasswordField
        ref={passphraseRef}
        label={s.create.passphrase}
        hint={s.create.hint}
        showLabel={s.create.show}
        capsLockText={s.create.capsLock}
        value={passphrase}
        onChange={(event) => {
          setPassphrase(event.target.value)
          if (errors.passphrase) setErrors((e) => ({ ...e, passphrase: undefined }))
        }}
        error={errors.passphrase}
        aria-describedby={meterId}
        autoFocus
        below={<StrengthMeter state={strength} id={meterId} />}
        maxLength={1024}
      />
      <PasswordField
        ref={confirmRef}
        label={s.create.confirm}
        showLabel={s.create.show}
        capsLockText={s.create.capsLock}
        value={confirm}
        onChange={(event) => {
          setConfirm(event.target.value)
          if (errors.confirm) setErrors((e) => ({ ...e, confirm: undefined }))
        }}
        error={errors.confirm}
        maxLength={1024}
      />
      <div className="button-row button-row--split">
        {secondary ?? <span />}
        <Button type="submit" variant="primary" busy={busy} busyLabel={submittingLabel}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
