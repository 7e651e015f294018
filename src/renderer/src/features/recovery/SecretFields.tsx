import { forwardRef } from 'react'
import { Button, PasswordField, TextField } from '../../components/ui'
import { recoveryStrings } from './recovery.strings'

const s = recoveryStrings.secret

export type SecretMethod = 'passphrase' | 'recoveryKey'
export interface Secret {
  method: SecretMethod
  value: string
}

export type Unlock = { passphrase: string } | { recoveryKey: string }

export const toUnlock = (secret: Secret): Unlock =>
  secret.method === 'passphrase' ? { passphrase: secret.value } : { recoveryKey: secret.value }

export const secretIsEmpty = (secret: Secret): boolean =>
  secret.method === 'passphrase' ? secret.value === '' : secret.value.trim() === ''

export const emptySecretMessage = (method: SecretMethod): string => (method === 'passphrase' ? s.emptyPassphrase : s.emptyRecoveryKey)

interface SecretFieldsProps {
  secret: Secret
  onChange: (secret: Secret) => void
  error: string | null
}

/**
 * What opens a backup: the passphrase of its day or, after one press, the recovery key. The
 * field is never autocompleted or spellchecked.
 */
export const SecretFields = forwardRef<HTMLInputElement, SecretFieldsProps>(function SecretFields({ secret, onChange, error }, ref) {
  const switchTo = (method: SecretMethod): void => {
    onChange({ method, value: '' })
    // The other field replaces this one; put the cursor in it.
    requestAnimationFrame(() => (ref && typeof ref === 'object' ? ref.current?.focus() : undefined))
  }
  return (
    <div className="stack stack--sm">
      {secret.method === 'passphrase' ? (
        <PasswordField
          ref={ref}
          label={s.passphraseLabel}
          showLabel={s.show}
          capsLockText={s.capsLock}
          value={secret.value}
          onChange={(event) => onChange({ method: 'passphrase', value: event.target.value })}
          error={error}
          maxLength={1024}
        />
      ) : (
        <TextField
          ref={ref}
          label={s.recoveryKeyLabel}
          hint={s.recoveryKeyHint}
          placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
          className="field--key"
          value={secret.value}
          onChange={(event) => onChange({ method: 'recoveryKey', value: event.target.value })}
          error={error}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={200}
        />
      )}
      <div>
        <Button variant="quiet" icon="key" onClick={() => switchTo(secret.method === 'passphrase' ? 'recoveryKey' : 'passphrase')}>
          {secret.method === 'passphrase' ? s.useRecoveryKey : s.usePassphrase}
        </Button>
      </div>
    </div>
  )
})
