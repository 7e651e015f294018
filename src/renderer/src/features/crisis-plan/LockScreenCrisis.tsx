import { useQuery } from '@tanstack/react-query'
import { numbersForLocale } from '../../../../shared/domain/crisis-numbers'
import { Button } from '../../components/ui'
import { crisisKeyShortcuts, crisisPlanStrings, crisisShortcut } from './crisis-plan.strings'
import { prefsQuery } from './crisis-plan.queries'
import { useCrisisView } from './crisis-view-context'
import { PhoneLink } from './PhoneLink'
import './crisis-plan.css'

const s = crisisPlanStrings.lock

/**
 * On the lock and unlock screens, always: "Need help now?" with the emergency number and crisis
 * line for the person's region. They come with the app, not from the vault. The person's own
 * emergency number and line are added only when they chose to keep them outside the vault.
 */
export function LockScreenCrisis(): React.JSX.Element {
  const crisis = useCrisisView()
  const prefs = useQuery(prefsQuery())
  const regional = numbersForLocale(navigator.language)
  const own = prefs.data?.prefs.showCrisisOnLockScreen ? prefs.data.prefs : null
  const ownLine = own?.lockScreenCrisisLine ?? null
  const ownEmergency =
    own?.emergencyNumber && own.emergencyNumber !== regional?.emergency ? own.emergencyNumber : null
  return (
    <aside className="lock-crisis" aria-labelledby="lock-crisis-title">
      <h2 id="lock-crisis-title" className="lock-crisis__title">
        <Button
          variant="quiet"
          icon="lifebuoy"
          className="lock-crisis__open"
          title={crisisPlanStrings.help.tooltip(crisisShortcut)}
          aria-keyshortcuts={crisisKeyShortcuts}
          onClick={() => crisis.open()}
        >
          {s.open}
        </Button>
      </h2>
      <div className="lock-crisis__links">
        {regional ? (
          <>
            <PhoneLink phone={regional.emergency} className="lock-crisis__link">
              {s.emergency(regional.emergency)}
            </PhoneLink>
            <PhoneLink phone={regional.line.phone} className="lock-crisis__link">
              {s.line(regional.line.name, regional.line.phone)}
            </PhoneLink>
          </>
        ) : (
          <span>{s.noRegion}</span>
        )}
        {ownEmergency ? (
          <PhoneLink phone={ownEmergency} className="lock-crisis__link">
            {s.emergency(ownEmergency)}
          </PhoneLink>
        ) : null}
        {ownLine && ownLine.phone !== regional?.line.phone ? (
          <PhoneLink phone={ownLine.phone} className="lock-crisis__link">
            {s.line(ownLine.name, ownLine.phone)}
          </PhoneLink>
        ) : null}
      </div>
    </aside>
  )
}
