import { useRef, useState, type FormEvent } from 'react'
import { Banner, Button, PasswordField, TextField } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { syncErrorText } from './sync-errors'
import { syncStrings as s } from './sync.strings'

type Chosen = { folderName: string; joining: boolean }

/** Sync off: choose the folder (the main process asks), then name this computer and give the passphrase. */
export function SyncSetup({ onEnabled }: { onEnabled: () => void }): React.JSX.Element {
  const [chosen, setChosen] = useState<Chosen | null>(null)
  const [name, setName] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [errors, setErrors] = useState<{ name?: string; passphrase?: string; form?: string }>({})
  const [busy, setBusy] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)
  const passphraseRef = useRef<HTMLInputElement>(null)

  const choose = async (): Promise<void> => {
    setErrors({})
    try {
      const result = await rpc('sync.chooseFolder', {})
      if (result.status === 'chosen') setChosen({ folderName: result.folderName, joining: result.joining })
    } catch (error) {
      setErrors({ form: syncErrorText(error) })
    }
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (name.trim() === '') {
      setErrors({ name: s.deviceNameEmpty })
      nameRef.current?.focus()
      return
    }
    if (passphrase === '') {
      setErrors({ passphrase: s.passphraseEmpty })
      passphraseRef.current?.focus()
      return
    }
    setBusy(true)
    setErrors({})
    try {
      await rpc('sync.enable', { deviceName: name.trim(), passphrase })
      setPassphrase('')
      onEnabled()
    } catch (error) {
      setErrors({ passphrase: syncErrorText(error) })
      passphraseRef.current?.focus()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="sync-setup">
      <div>
        <Button onClick={() => void choose()} disabled={busy}>
          {s.choose}
        </Button>
      </div>
      {errors.form ? <Banner tone="danger">{errors.form}</Banner> : null}
      {chosen ? (
        <form className="form sync-setup__form" onSubmit={(event) => void submit(event)} noValidate>
          <p className="muted" dir="auto">
            {chosen.joining ? s.chosenJoin(chosen.folderName) : s.chosenNew(chosen.folderName)}
          </p>
          <TextField
            ref={nameRef}
            label={s.deviceName}
            hint={s.deviceHint}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={errors.name ?? null}
            maxLength={80}
            autoComplete="off"
            dir="auto"
          />
          <PasswordField
            ref={passphraseRef}
            label={s.passphrase}
            hint={chosen.joining ? undefined : s.passphraseHintNew}
            showLabel={s.show}
            capsLockText={s.capsLock}
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            error={errors.passphrase ?? null}
            maxLength={1024}
          />
          <div className="sync-actions">
            <Button variant="quiet" onClick={() => setChosen(null)} disabled={busy}>
              {s.cancel}
            </Button>
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? s.working : chosen.joining ? s.join : s.start}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  )
}
