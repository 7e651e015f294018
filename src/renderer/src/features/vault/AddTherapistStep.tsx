import { useQueryClient } from '@tanstack/react-query'
import { Button } from '../../components/ui'
import { rpc } from '../../lib/rpc'
import { TherapistForm } from '../therapists/TherapistForm'
import { therapistKeys } from '../therapists/therapists.queries'
import { therapistsStrings as t } from '../therapists/therapists.strings'
import { VaultFrame } from './VaultFrame'

/** The last, skippable first-run step: who the person sees (therapists.create). */
export function AddTherapistStep({ step, onDone }: { step: string; onDone: () => void }): React.JSX.Element {
  const queryClient = useQueryClient()
  return (
    <VaultFrame title={t.add.title} step={step} intro={<p>{t.add.intro}</p>} wide>
      <TherapistForm
        submitLabel={t.add.submit}
        submittingLabel={t.add.submitting}
        onSubmit={async (draft) => {
          await rpc('therapists.create', draft)
          await queryClient.invalidateQueries({ queryKey: therapistKeys.all })
          onDone()
        }}
        secondary={
          <Button variant="quiet" onClick={onDone}>
            {t.add.skip}
          </Button>
        }
      />
    </VaultFrame>
  )
}
