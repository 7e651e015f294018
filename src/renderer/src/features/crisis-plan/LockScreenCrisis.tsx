import { useQuery } from '@tanstack/react-query'
import { crisisPlanStrings } from './crisis-plan.strings'
import { prefsQuery } from './crisis-plan.queries'
import { PhoneLink } from './PhoneLink'
import './crisis-plan.css'

const s = crisisPlanStrings.lock

/**
 * On the lock screen, only when the person chose it: the emergency number and one crisis line,
 * read from preferences (never from the vault), so help is one click away while locked.
 */
export function LockScreenCrisis(): React.JSX.Element | null {
  const prefs = useQuery(prefsQuery())
  const p = prefs.data?.prefs
  if (!p?.showCrisisOnLockScreen) return null
  const line = p.lockScreenCrisisLine
  const emergency = p.emergencyNumber
  if (!line && !emergency) return null
  return (
    <aside className="lock-crisis" aria-labelledby="lock-crisis-title">
      <h2 id="lock-crisis-title" className="lock-crisis__title">
        {s.title}
      </h2>
      <div className="lock-crisis__links">
        {emergency ? (
          <PhoneLink phone={emergency} className="lock-crisis__link">
            {s.emergency(emergency)}
          </PhoneLink>
        ) : null}
        {line ? (
          <PhoneLink phone={line.phone} className="lock-crisis__link">
            {s.line(line.name, line.phone)}
          </PhoneLink>
        ) : null}
      </div>
    </aside>
  )
}
