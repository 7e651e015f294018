import { useRef, useState, type FormEvent } from 'react'
import { Button, TextField } from '../../components/ui'
import { useKeepVaultOpen } from '../../lib/activity'
import { groupMatches, pickGroupIndex, recoveryKeyGroups } from './recovery-key'
import { VaultFrame } from './VaultFrame'
import { vaultStrings as s } from './vault.strings'

interface ConfirmKeyStepProps {
  recoveryKey: string
  step: string
  onConfirmed: () => void
  onBack: () => void
}

/** Asks for one group of the key, with the key out of sight, to check it was really kept. */
export function ConfirmKeyStep({ recoveryKey, step, onConfirmed, onBack }: ConfirmKeyStepProps): React.JSX.Element {
  useKeepVaultOpen()
  const [index] = useState(() => pickGroupIndex(recoveryKey))
  const total = recoveryKeyGroups(recoveryKey).length
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (typed.trim() === '') {
      setError(s.confirmKey.empty)
    } else if (groupMatches(recoveryKey, index, typed)) {
      onConfirmed()
      return
    } else {
      setError(s.confirmKey.wrong(index + 1))
    }
    inputRef.current?.focus()
  }

  return (
    <VaultFrame title={s.confirmKey.title} step={step} intro={<p>{s.confirmKey.intro(index + 1, total)}</p>}>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          ref={inputRef}
          label={s.confirmKey.label(index + 1)}
          hint={s.confirmKey.hint}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value)
            setError(null)
          }}
          error={error}
          className="field--key"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          autoFocus
        />
        <div className="button-row button-row--split">
          <Button variant="quiet" icon="arrowLeft" onClick={onBack}>
            {s.confirmKey.back}
          </Button>
          <Button type="submit" variant="primary">
            {s.confirmKey.submit}
          </Button>
        </div>
      </form>
    </VaultFrame>
  )
}
