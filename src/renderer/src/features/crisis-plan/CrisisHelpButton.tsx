import { Button } from '../../components/ui'
import { useCrisisView } from './crisis-view-context'
import { crisisKeyShortcuts, crisisPlanStrings, crisisShortcut } from './crisis-plan.strings'
import './crisis-plan.css'

const s = crisisPlanStrings.help

/**
 * The calm, always-there "I need help now" control of the app's frame: one press opens the
 * crisis view (the plan's steps, people and numbers). The tooltip names the shortcut.
 */
export function CrisisHelpButton(props: { compact?: boolean }): React.JSX.Element {
  const crisis = useCrisisView()
  const tooltip = s.tooltip(crisisShortcut)
  return (
    <Button
      icon="lifebuoy"
      block={!props.compact}
      className={props.compact ? 'crisis-help crisis-help--compact' : 'crisis-help'}
      title={tooltip}
      aria-keyshortcuts={crisisKeyShortcuts}
      onClick={() => crisis.open()}
    >
      {props.compact ? s.compact : s.button}
    </Button>
  )
}
