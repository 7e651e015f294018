import { useEffect, useState } from 'react'
import type { JobOp, JobProgress } from '../../../shared/ipc/schemas/jobs'
import { onBridgeEvent } from './rpc'

/**
 * The latest `job.progress` event of one kind of job, and the percentage of its phase (null
 * before the first event, or when its total is unknown). Starts blank at each mount.
 */
export function useJobProgress(op: JobOp): { progress: JobProgress | null; percent: number | null } {
  const [progress, setProgress] = useState<JobProgress | null>(null)
  useEffect(() => onBridgeEvent('job.progress', (next) => (next.op === op ? setProgress(next) : undefined)), [op])
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null
  return { progress, percent }
}
