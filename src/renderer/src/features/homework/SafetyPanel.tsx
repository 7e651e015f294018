import { useQuery } from '@tanstack/react-query'
import { Button } from '../../components/ui'
import { crisisPlanQuery, prefsQuery } from '../crisis-plan/crisis-plan.queries'
import { useCrisisView } from '../crisis-plan/crisis-view-context'
import { numbersForLocale } from '../../../../shared/domain/crisis-numbers'
import { PhoneIcon, PhoneLink } from '../crisis-plan/PhoneLink'
import { homeworkStrings } from './homework.strings'

const s = homeworkStrings.checkIns

/**
 * Shown beside the questionnaire as soon as PHQ-9 item 9 is answered above 0: the crisis numbers
 * at once, and the whole plan one press away. It never stops the person finishing the check-in.
 */
export function SafetyPanel(): React.JSX.Element {
  const plan = useQuery(crisisPlanQuery())
  const prefs = useQuery(prefsQuery())
  const crisisView = useCrisisView()
  const suggested = numbersForLocale(navigator.language)
  const emergency = plan.data?.emergencyNumber.trim() || prefs.data?.prefs.emergencyNumber || suggested?.emergency || ''
  const planLines = plan.data?.crisisLines.filter((line) => line.phone) ?? []
  const lines = planLines.length > 0 ? planLines : suggested ? [{ name: suggested.line.name, phone: suggested.line.phone }] : []

  return (
    <section className="safety-panel" aria-labelledby="safety-panel-title">
      <h3 id="safety-panel-title">{s.safetyTitle}</h3>
      <p>{s.safetyBody}</p>
      <ul className="safety-panel__numbers">
        {emergency ? (
          <li>
            <PhoneLink phone={emergency} className="safety-panel__call">
              <PhoneIcon />
              <span>{s.emergency(emergency)}</span>
            </PhoneLink>
          </li>
        ) : null}
        {lines.map((line, i) => (
          <li key={i}>
            <PhoneLink phone={line.phone} className="safety-panel__call">
              <PhoneIcon />
              <span>{`${line.name}: ${line.phone}`}</span>
            </PhoneLink>
          </li>
        ))}
      </ul>
      <Button variant="secondary" icon="lifebuoy" onClick={() => crisisView.open()}>
        {s.safetyOpenPlan}
      </Button>
    </section>
  )
}
