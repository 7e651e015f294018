import type { JobProgress } from '../../../../shared/ipc/schemas/jobs'
import { ProgressLine } from '../../components/ui'
import { LockScreenCrisis } from '../crisis-plan/LockScreenCrisis'
import { settingsStrings } from '../settings/settings.strings'
import { VaultFrame } from './VaultFrame'
import { vaultStrings as s } from './vault.strings'

const jobs = settingsStrings.jobs

/**
 * The lock screen while the schema update of the first unlock after an update of Between runs
 * (main's `job.progress` events of op `update`, from useJobProgress): what is being done and a
 * bar with its percentage, in place of the form, so nothing typed meanwhile can send it again.
 * No Stop: the unlock answers once the update is done, and a quit meanwhile leaves the vault as
 * it was. Focus goes to the title, which says what is happening.
 */
export function UpdatingScreen({ progress, percent }: { progress: JobProgress; percent: number | null }): React.JSX.Element {
  const phase = jobs.phases[progress.phase]
  return (
    <VaultFrame title={s.update.title} intro={<p>{s.update.body}</p>} help={<LockScreenCrisis />} focusTitle>
      <div className="update-progress">
        <ProgressLine step={phase} percent={percent} percentText={percent === null ? null : jobs.percent(percent)} barLabel={jobs.progressLabel(phase)} />
      </div>
    </VaultFrame>
  )
}
