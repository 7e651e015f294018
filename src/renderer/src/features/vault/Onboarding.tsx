import { useState } from 'react'
import { Button } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { AddTherapistStep } from './AddTherapistStep'
import { ConfirmKeyStep } from './ConfirmKeyStep'
import { NewPassphraseForm } from './NewPassphraseForm'
import { RecoveryKeyStep } from './RecoveryKeyStep'
import { friendlyError } from './vault-errors'
import { useVaultSession } from './vault-session'
import { VaultFrame } from './VaultFrame'
import { Welcome } from './Welcome'
import { vaultStrings as s } from './vault.strings'

type Step =
  | { name: 'welcome' }
  | { name: 'passphrase' }
  | { name: 'key'; recoveryKey: string; createdAt: number }
  | { name: 'confirm'; recoveryKey: string; createdAt: number }
  | { name: 'therapist' }

const TOTAL = 4

/**
 * First run: welcome → passphrase (twice, strength-checked) → the recovery key, shown once →
 * retype one group of it → add a therapist (skippable) → the app. The key lives only in this
 * component's state and is dropped once it has been checked.
 */
export function Onboarding(): React.JSX.Element {
  const session = useVaultSession()
  const [step, setStep] = useState<Step>({ name: 'welcome' })

  switch (step.name) {
    case 'welcome':
      return <Welcome onStart={() => setStep({ name: 'passphrase' })} />
    case 'passphrase':
      return (
        <VaultFrame title={s.create.title} step={s.stepOf(1, TOTAL)} intro={<p>{s.create.intro}</p>}>
          <NewPassphraseForm
            submitLabel={s.create.submit}
            submittingLabel={s.create.submitting}
            onSubmit={async (passphrase) => {
              try {
                const { recoveryKey } = await rpc('vault.create', { passphrase })
                setStep({ name: 'key', recoveryKey, createdAt: Date.now() })
              } catch (error) {
                throw friendlyError(error)
              }
            }}
            secondary={
              <Button variant="quiet" icon="arrowLeft" onClick={() => setStep({ name: 'welcome' })}>
                {s.create.back}
              </Button>
            }
          />
        </VaultFrame>
      )
    case 'key':
      return (
        <RecoveryKeyStep
          recoveryKey={step.recoveryKey}
          createdAt={step.createdAt}
          step={s.stepOf(2, TOTAL)}
          onKept={() => setStep({ ...step, name: 'confirm' })}
        />
      )
    case 'confirm':
      return (
        <ConfirmKeyStep
          recoveryKey={step.recoveryKey}
          step={s.stepOf(3, TOTAL)}
          onBack={() => setStep({ ...step, name: 'key' })}
          onConfirmed={() => setStep({ name: 'therapist' })}
        />
      )
    case 'therapist':
      return <AddTherapistStep step={s.stepOf(4, TOTAL)} onDone={session.enter} />
  }
}
