import { useEffect } from 'react'
import { Icon } from '../../components/ui'
import { useNavigation } from '../../app/navigation'
import { appStrings as s } from '../../app/app.strings'

/**
 * The way to help that every layout of the shell shows: opens the crisis plan. `compact` shows
 * the icon alone (the label stays for screen readers). Ctrl/Cmd+Shift+H does the same.
 */
export function CrisisHelpButton(props: { compact?: boolean }): React.JSX.Element {
  const { navigate } = useNavigation()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'h') {
        event.preventDefault()
        navigate('crisis-plan')
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [navigate])
  return (
    <button
      type="button"
      className={`crisis-help${props.compact ? ' crisis-help--compact' : ''}`}
      title={props.compact ? s.crisisHelp : undefined}
      aria-keyshortcuts="Control+Shift+H"
      onClick={() => navigate('crisis-plan')}
    >
      <Icon name="lifebuoy" size={18} />
      <span className={props.compact ? 'visually-hidden' : undefined}>{s.crisisHelp}</span>
    </button>
  )
}
