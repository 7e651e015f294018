import { useRef, useState, type FormEvent } from 'react'
import { Banner, Button, Dialog } from '../../components/ui'
import { PassphrasePrompt } from './PassphrasePrompt'
import { isRpcError, rpc } from '../../lib/rpc'
import { NewPassphraseForm } from '../vault/NewPassphraseForm'
import { friendlyError } from '../vault/vault-errors'
import { RotateKey } from './RotateKey'
import { Section } from './Section'
import { settingsStrings } from './settings.strings'

const t = settingsStrings.passphrase

/**
 * Change the passphrase: the current one first, then a new one with the same strength check as at
 * creation. Below it, the optional re-encryption under a new key (RotateKey).
 */
export function PassphraseSection({ id }: { id: string }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState(false)
  return (
    <Section id={id} title={t.title} intro={t.intro}>
      <div>
        <Button
          icon="key"
          onClick={() => {
            setDone(false)
            setOpen(true)
          }}
        >
          {t.change}
        </Button>
      </div>
      <div aria-live="polite" className="settings-message">{done ? <Banner tone="success">{t.done}</Banner> : null}</div>
      <Dialog open={open} onClose={() => setOpen(false)} title={t.dialogTitle} closeLabel={t.cancel}>
        {open ? (
          <ChangePassphrase
            onCancel={() => setOpen(false)}
            onChanged={() => {
              setOpen(false)
              setDone(true)
            }}
          />
        ) : null}
      </Dialog>
      <RotateKey id={id} />
    </Section>
  )
}

function ChangePassphrase({ onCancel, onChanged }: { onCancel: () => void; onChanged: () => void }): React.JSX.Element {
  const [current, setCurrent] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  if (current === null) {
    const next = (event: FormEvent): void => {
      event.preventDefault()
      if (typed === '') {
        setError(t.currentEmpty)
        inputRef.current?.focus()
        return
      }
      setCurrent(typed)
    }
    return (
      <PassphrasePrompt
        intro={t.currentIntro}
        introClassName="muted"
        label={t.current}
        submitLabel={t.next}
        strings={t}
        value={typed}
        onType={(value) => {
          setTyped(value)
          setError(null)
        }}
        error={error}
        inputRef={inputRef}
        onSubmit={next}
        onCancel={onCancel}
      />
    )
  }

  return (
    <div className="stack">
      <p className="muted">{t.newIntro}</p>
      <NewPassphraseForm
        submitLabel={t.submit}
        submittingLabel={t.submitting}
        secondary={
          <Button variant="quiet" icon="arrowLeft" onClick={() => setCurrent(null)}>
            {t.back}
          </Button>
        }
        onSubmit={async (next) => {
          try {
            await rpc('vault.changePassphrase', { current, next })
          } catch (failure) {
            if (isRpcError(failure, 'WRONG_PASSPHRASE')) {
              // Back to the first step, with the current passphrase selected to retype.
              setError(t.currentWrong)
              setCurrent(null)
              requestAnimationFrame(() => {
                inputRef.current?.select()
                inputRef.current?.focus()
              })
              return
            }
            throw friendlyError(failure)
          }
          onChanged()
        }}
      />
    </div>
  )
}
