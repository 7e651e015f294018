import { useEffect, useState } from 'react'
import { onBridgeEvent } from '../../lib/rpc'

/**
 * A pass this screen did not start (the scheduler's: after unlocking, when another computer's
 * files arrive, every 30 s) that is applying files: true from its progress until it has applied
 * what it counted or sync's `data.changed` says it is over. So a long catch-up shows its bar in
 * Settings → Sync without the person pressing Sync now.
 */
export function useBackgroundPass(): boolean {
  const [applying, setApplying] = useState(false)
  useEffect(() => {
    const offProgress = onBridgeEvent('job.progress', (progress) => {
      if (progress.op === 'sync' && progress.phase === 'applying') setApplying(progress.done < progress.total)
    })
    const offChanged = onBridgeEvent('data.changed', () => setApplying(false))
    return () => {
      offProgress()
      offChanged()
    }
  }, [])
  return applying
}
