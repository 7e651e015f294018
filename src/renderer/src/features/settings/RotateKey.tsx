import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Button, Dialog } from '../../components/ui'
import { PassphrasePrompt } from './PassphrasePrompt'
import { useKeepVaultOpen } from '../../lib/activity'
import { isRpcError, rpc } from '../../lib/rpc'
import { JobProgressBar } from './JobProgressBar'
import { SectionMessage, type Message } from './Section'
import { settingsStrings } from './settings.strings'

const t = settingsStrings.rotate

/**
 * Re-encrypting the journal under a new data key (`vault.rotateKey`), a calm option under the
 * passphrase: why someone would, then a dialog that asks for the passphrase and shows the
 * rotation's progress with Stop. The dialog is modal while it runs, so no screen asks the vault
 * for anything while it answers only VAULT_IN_USE; Escape then stops it. The outcome is said in
 * the section once the dialog has closed (focus back on the button that opened it).
 */
export function RotateKey({ id }: { id: string }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [running, setRunning] = useState(false)
  const [message, setMessage] = useState<Message | null>(null)

  const finish = (outcome: Message | null): void => {
    setRunning(false)
    setOpen(false)
    setMessage(outcome)
  }
  const close = (): void => {
    if (running) void rpc('jobs.cancel', { op: 'rotate-key' }).catch(() => undefined)
    else setOpen(false)
  }

  return (
    <div className="settings-subsection" role="group" aria-labelledby={`${id}-rotate`}>
      <h3 id={`${id}-rotate`} className="settings-subsection__title">
        {t.title}
      </h3>
      <p className="muted">{t.why}</p>
      <div>
        <Button
          onClick={() => {
            setMessage(null)
            setOpen(true)
          }}
        >
          {t.open}
        </Button>
      </div>
      <SectionMessage message={message} />
      <Dialog open={open} onClose={close} title={t.dialogTitle} closeLabel={t.cancel}>
        {open ? <RotateForm running={running} onStart={() => setRunning(true)} onStopped={() => setRunning(false)} onDone={finish} onCancel={close} /> : null}
      </Dialog>
    </div>
  )
}

interface RotateFormProps {
  running: boolean
  onStart: () => void
  /** Back to the form (a wrong passphrase). */
  onStopped: () => void
  /** Over: what to say in the section (null when the vault locked meanwhile: the lock screen says enough). */
  onDone: (outcome: Message | null) => void
  onCancel: () => void
}

function RotateForm({ running, onStart, onStopped, onDone, onCancel }: RotateFormProps): React.JSX.Element {
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (typed === '') {
      setError(t.passphraseEmpty)
      inputRef.current?.focus()
      return
    }
    onStart()
    try {
      const { status } = await rpc('vault.rotateKey', { passphrase: typed })
      onDone(status === 'rotated' ? { tone: 'success', text: t.done } : { tone: 'info', text: t.cancelled })
    } catch (failure) {
      if (isRpcError(failure, 'WRONG_PASSPHRASE')) {
        onStopped()
        setError(t.wrong)
        requestAnimationFrame(() => {
          inputRef.current?.select()
          inputRef.current?.focus()
        })
        return
      }
      onDone(isRpcError(failure, 'VAULT_LOCKED') ? null : { tone: 'danger', text: t.failed })
    }
  }

  if (running) return <Running />

  return (
    <PassphrasePrompt
      intro={t.intro}
      label={t.passphrase}
      submitLabel={t.submit}
      strings={t}
      value={typed}
      onType={(value) => {
        setTyped(value)
        setError(null)
      }}
      error={error}
      inputRef={inputRef}
      onSubmit={(event) => void submit(event)}
      onCancel={onCancel}
    />
  )
}

/** While it runs: what is happening (focused, so the next Tab is Stop), and its progress. */
function Running(): React.JSX.Element {
  const statusRef = useRef<HTMLParagraphElement>(null)
  // The vault is closed to the window meanwhile; an idle lock now would only lose the outcome.
  useKeepVaultOpen()
  useEffect(() => statusRef.current?.focus(), [])
  return (
    <div className="stack">
      <p ref={statusRef} tabIndex={-1} className="rotate-key__status">
        {t.running}
      </p>
      <JobProgressBar op="rotate-key" />
    </div>
  )
}
