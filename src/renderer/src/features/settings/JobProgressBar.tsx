import { useState } from 'react'
import type { JobOp } from '../../../../shared/ipc/schemas/jobs'
import { Button, ProgressLine } from '../../components/ui'
import { useJobProgress } from '../../lib/job-progress'
import { rpc } from '../../lib/rpc'
import { settingsStrings } from './settings.strings'

const t = settingsStrings.jobs

/**
 * How far a long job has come (main's `job.progress` events): what is being done, a bar with
 * the percentage of that step, and Stop (`jobs.cancel`), which leaves everything as it was.
 * Mount it only while the job's call is under way: it starts blank each time.
 */
export function JobProgressBar({ op }: { op: JobOp }): React.JSX.Element {
  const { progress, percent } = useJobProgress(op)
  const [stopping, setStopping] = useState(false)

  const phase = progress ? (t.opPhases[op]?.[progress.phase] ?? t.phases[progress.phase]) : t.starting

  const stop = (): void => {
    setStopping(true)
    void rpc('jobs.cancel', { op }).catch(() => setStopping(false))
  }

  return (
    <div className="job-progress" role="group" aria-label={phase}>
      <ProgressLine step={phase} percent={percent} percentText={percent === null ? null : t.percent(percent)} barLabel={t.progressLabel(phase)} />
      <Button variant="quiet" aria-label={t.stopLabel} busy={stopping} onClick={stop}>
        {t.stop}
      </Button>
    </div>
  )
}
