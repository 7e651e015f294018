import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Button } from '../../components/ui'
import { useNavigation } from '../../app/navigation'
import { crisisPlanQuery, prefsQuery } from '../crisis-plan/crisis-plan.queries'
import { contactStrings as s } from './contact.strings'
import './contact.css'

/**
 * The always-visible way into "Ready to contact?", in the app shell (`compact`: the icon alone,
 * for the rail and the top bar). It also loads the
 * crisis plan ahead of time, so choosing "I feel unsafe" shows it at once.
 */
export function ContactEntry({ compact = false }: { compact?: boolean }): React.JSX.Element {
  const navigation = useNavigation()
  const queryClient = useQueryClient()
  useEffect(() => {
    void queryClient.prefetchQuery(crisisPlanQuery())
    void queryClient.prefetchQuery(prefsQuery())
  }, [queryClient])
  const current = navigation.route === 'contact'
  return (
    <div className={`contact-entry${compact ? ' contact-entry--compact' : ''}`}>
      <Button
        variant="primary"
        icon="message"
        block={!compact}
        aria-current={current ? 'page' : undefined}
        aria-keyshortcuts="Control+K"
        title={compact ? s.entry : s.entryHint}
        onClick={() => navigation.navigate('contact')}
      >
        <span className={compact ? 'visually-hidden' : undefined}>{s.entry}</span>
      </Button>
    </div>
  )
}
