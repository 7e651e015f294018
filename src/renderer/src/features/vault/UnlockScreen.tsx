import { useRef, useState, type FormEvent } from 'react'
import { Banner, Button, PasswordField, TextField } from '../../components/ui'
import { useJobProgress } from '../../lib/job-progress'
import { isRpcError, rpc } from '../../lib/rpc'
import { LockScreenCrisis } from '../crisis-plan/LockScreenCrisis'
import { CorruptVaultNotice } from '../recovery/CorruptVaultNotice'
import { NewPassphraseForm } from './NewPassphraseForm'
import { UpdatingScreen } from './UpdatingScreen'
import { friendlyError, vaultErrorMessage } from './vault-errors'
import { useVaultSession } from './vault-session'
import { VaultFrame } from './VaultFrame'
import { vaultStrings as s } from './vault.strings'

type Mode = { name: 'passphrase' } | { name: 'recovery' } | { name: 'newPassphrase'; recoveryKey: string } | { name: 'corrupt' }

/**
 * The lock screen. It shows nothing from the vault: no counts, no names, no titles. Unlock with
 * the passphrase, or with the recovery key and then a new passphrase.
 */
export function UnlockScreen(): React.JSX.Element {
  const [mode, setMode] = useState<Mode>({ name: 'passphrase' })
  switch (mode.name) {
    case 'passphrase':
      return <PassphraseUnlock onUseRecovery={() => setMode({ name: 'recovery' })} onCorrupt={() => setMode({ name: 'corrupt' })} />
    case 'recovery':
      return (
        <RecoveryUnlock
          onBack={() => setMode({ name: 'passphrase' })}
          onUnlocked={(recoveryKey) => setMode({ name: 'newPassphrase', recoveryKey })}
          onCorrupt={() => setMode({ name: 'corrupt' })}
        />
      )
    case 'newPassphrase':
      return <ChooseNewPassphrase recoveryKey={mode.recoveryKey} />
    case 'corrupt':
      // The vault could not be read: offer a backup instead (features/recovery).
      return <CorruptVaultNotice onBack={() => setMode({ name: 'passphrase' })} />
  }
}

function PassphraseUnlock({ onUseRecovery, onCorrupt }: { onUseRecovery: () => void; onCorrupt: () => void }): React.JSX.Element {
  const session = useVaultSession()
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const update = useJobProgress('update')

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    if (passphrase === '') {
      setError(s.unlock.empty)
      inputRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    setFormError(null)
    try {
      await rpc('vault.unlock', { passphrase })
      session.enter()
    } catch (failure) {
      setBusy(false)
      if (isRpcError(failure, 'VAULT_CORRUPT')) return onCorrupt()
      if (isRpcError(failure, 'WRONG_PASSPHRASE')) setError(s.unlock.wrong)
      else setFormError(vaultErrorMessage(failure))
      inputRef.current?.select()
      inputRef.current?.focus()
    }
  }

  if (busy && update.progress) return <UpdatingScreen progress={update.progress} percent={update.percent} />
  return (
    <VaultFrame title={s.unlock.title} intro={<p>{s.unlock.intro}</p>} help={<LockScreenCrisis />}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {formError ? (
          <Banner tone="danger" urgent>
            {formError}
          </Banner>
        ) : null}
        <PasswordField
          ref={inputRef}
          label={s.unlock.passphrase}
          showLabel={s.unlock.show}
          capsLockText={s.unlock.capsLock}
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.target.value)
            setError(null)
          }}
          error={error}
          maxLength={1024}
          autoFocus
        />
        <Button type="submit" variant="primary" size="lg" block busy={busy} busyLabel={s.unlock.submitting}>
          {s.unlock.submit}
        </Button>
        <p className="unlock__alt">
          <span className="muted small">{s.unlock.forgot}</span>
          <Button variant="quiet" icon="key" onClick={onUseRecovery}>
            {s.unlock.useRecovery}
          </Button>
        </p>
      </form>
    </VaultFrame>
  )
}

function RecoveryUnlock({ onBack, onUnlocked, onCorrupt }: { onBack: () => void; onUnlocked: (recoveryKey: string) => void; onCorrupt: () => void }): React.JSX.Element {
  const [recoveryKey, setRecoveryKey] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const update = useJobProgress('update')

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    if (recoveryKey.trim() === '') {
      setError(s.recoveryUnlock.empty)
      inputRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    setFormError(null)
    try {
      await rpc('vault.unlock', { recoveryKey })
      onUnlocked(recoveryKey)
    } catch (failure) {
      setBusy(false)
      if (isRpcError(failure, 'VAULT_CORRUPT')) return onCorrupt()
      if (isRpcError(failure, 'WRONG_RECOVERY_KEY') || isRpcError(failure, 'INVALID_RECOVERY_KEY_FORMAT')) {
        setError(vaultErrorMessage(failure))
      } else {
        setFormError(vaultErrorMessage(failure))
      }
      inputRef.current?.focus()
    }
  }

  if (busy && update.progress) return <UpdatingScreen progress={update.progress} percent={update.percent} />
  return (
    <VaultFrame title={s.recoveryUnlock.title} intro={<p>{s.recoveryUnlock.intro}</p>} help={<LockScreenCrisis />}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {formError ? (
          <Banner tone="danger" urgent>
            {formError}
          </Banner>
        ) : null}
        <TextField
          ref={inputRef}
          label={s.recoveryUnlock.label}
          hint={s.recoveryUnlock.hint}
          placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
          className="field--key"
          value={recoveryKey}
          onChange={(event) => {
            setRecoveryKey(event.target.value)
            setError(null)
          }}
          error={error}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={200}
          autoFocus
        />
        <div className="button-row button-row--split">
          <Button variant="quiet" icon="arrowLeft" onClick={onBack}>
            {s.recoveryUnlock.back}
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel={s.recoveryUnlock.submitting}>
            {s.recoveryUnlock.submit}
          </Button>
        </div>
      </form>
    </VaultFrame>
  )
}

function ChooseNewPassphrase({ recoveryKey }: { recoveryKey: string }): React.JSX.Element {
  const session = useVaultSession()
  return (
    <VaultFrame title={s.newPassphrase.title} intro={<p>{s.newPassphrase.intro}</p>} help={<LockScreenCrisis />}>
      <NewPassphraseForm
        submitLabel={s.newPassphrase.submit}
        submittingLabel={s.newPassphrase.submitting}
        onSubmit={async (newPassphrase) => {
          try {
            await rpc('vault.resetWithRecoveryKey', { recoveryKey, newPassphrase })
          } catch (error) {
            throw friendlyError(error)
          }
          session.enter()
        }}
      />
    </VaultFrame>
  )
}
