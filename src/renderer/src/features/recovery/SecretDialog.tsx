import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { Banner, Button, Dialog } from '../../components/ui'
import { isRpcError } from '../../lib/rpc'
import { emptySecretMessage, SecretFields, secretIsEmpty, toUnlock, type Secret, type Unlock } from './SecretFields'
import { recoveryStrings as s } from './recovery.strings'

/** A failure of backup.test / backup.restore, in our words: about the key typed, or about the rest. */
export function backupErrorOf(error: unknown): { field: string } | { form: string } {
  if (isRpcError(error, 'WRONG_PASSPHRASE')) return { field: s.secret.wrongPassphrase }
  if (isRpcError(error, 'WRONG_RECOVERY_KEY')) return { field: s.secret.wrongRecoveryKey }
  if (isRpcError(error, 'INVALID_RECOVERY_KEY_FORMAT')) return { field: s.secret.typo }
  if (isRpcError(error, 'BACKUP_INVALID')) return { form: s.restore.invalid }
  if (isRpcError(error, 'VAULT_FROM_FUTURE')) return { form: s.restore.newer }
  if (isRpcError(error, 'IO_ERROR')) return { form: s.restore.io }
  return { form: s.restore.failed }
}

interface SecretDialogProps {
  open: boolean
  title: string
  children: ReactNode
  submitLabel: string
  submittingLabel: string
  cancelLabel: string
  onClose: () => void
  /** Resolves when done (the owner closes the dialog); throws an RpcError to show here. */
  onSubmit: (unlock: Unlock) => Promise<void>
}

/**
 * A dialog that asks for what opens a backup (passphrase or recovery key) and runs one action
 * with it. The secret lives only in this dialog's state and is dropped when it closes.
 */
export function SecretDialog({ open, title, children, submitLabel, submittingLabel, cancelLabel, onClose, onSubmit }: SecretDialogProps): React.JSX.Element {
  return (
    <Dialog open={open} onClose={onClose} title={title} closeLabel={cancelLabel}>
      {open ? (
        <SecretForm submitLabel={submitLabel} submittingLabel={submittingLabel} cancelLabel={cancelLabel} onClose={onClose} onSubmit={onSubmit}>
          {children}
        </SecretForm>
      ) : null}
    </Dialog>
  )
}

function SecretForm({ children, submitLabel, submittingLabel, cancelLabel, onClose, onSubmit }: Omit<SecretDialogProps, 'open' | 'title'>): React.JSX.Element {
  const [secret, setSecret] = useState<Secret>({ method: 'passphrase', value: '' })
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    if (secretIsEmpty(secret)) {
      setFieldError(emptySecretMessage(secret.method))
      inputRef.current?.focus()
      return
    }
    setBusy(true)
    setFieldError(null)
    setFormError(null)
    try {
      await onSubmit(toUnlock(secret))
    } catch (error) {
      setBusy(false)
      const problem = backupErrorOf(error)
      if ('field' in problem) {
        setFieldError(problem.field)
        inputRef.current?.select()
        inputRef.current?.focus()
      } else {
        setFormError(problem.form)
      }
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="stack stack--sm muted">{children}</div>
      {formError ? (
        <Banner tone="danger" urgent>
          {formError}
        </Banner>
      ) : null}
      <SecretFields
        ref={inputRef}
        secret={secret}
        error={fieldError}
        onChange={(next) => {
          setSecret(next)
          setFieldError(null)
        }}
      />
      <div className="dialog__actions">
        <Button variant="quiet" onClick={onClose}>
          {cancelLabel}
        </Button>
        <Button type="submit" variant="primary" busy={busy} busyLabel={submittingLabel}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
