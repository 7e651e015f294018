import { useJobProgress } from '../../lib/job-progress'
import { settingsStrings } from '../settings/settings.strings'
import { vaultStrings as s } from './vault.strings'

const jobs = settingsStrings.jobs

/**
 * The schema update at the first unlock after an update of Between (main's `job.progress`
 * events of op `update`): what is being done and a bar with its percentage. Mount it while the
 * unlock call is under way; it shows nothing unless an update runs. No Stop: the unlock answers
 * once the update is done, and a quit meanwhile leaves the vault as it was.
 */
export function UpdateProgress(): React.JSX.Element | null {
  const { progress, percent } = useJobProgress('update')
  if (progress === null) return null
  const phase = jobs.phases[progress.phase]
  return (
    <section className="update-progress" aria-labelledby="update-progress-title">
      <h2 id="update-progress-title" className="update-progress__title">
        {s.update.title}
      </h2>
      <p className="muted small">{s.update.body}</p>
      <div className="job-progress__text" aria-live="polite">
        <span>{phase}</span>
        {percent === null ? null : <span className="job-progress__percent">{jobs.percent(percent)}</span>}
      </div>
      <progress className="job-progress__bar" aria-label={jobs.progressLabel(phase)} max={100} {...(percent === null ? {} : { value: percent })} />
    </section>
  )
}
