import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Button } from '../../components/ui'
import { useNavigation } from '../../app/navigation'
import { crisisPlanQuery, prefsQuery } from '../crisis-plan/crisis-plan.queries'
import { contactStrings as s } from './contact.strings'
import './contact.css'

/**
 * The always-visible way into "Ready to contact?", in the app shell's sidebar. It also loads the
 * crisis plan ahead of time, so choosing "I feel unsafe" shows it at once.
 */
export function ContactEntry(): React.JSX.Element {
  const navigation = useNavigation()
  const queryClient = useQueryClient()
  useEffect(() => {
    void queryClient.prefetchQuery(crisisPlanQuery())
    void queryClient.prefetchQuery(prefsQuery())
  }, [queryClient])
  const current = navigation.route === 'contact'
  return (
    <div className="contact-entry">
      <Button
        variant="primary"
        icon="message"
        block
        aria-current={current ? 'page' : undefined}
        title={s.entryHint}
        onClick={() => navigation.navigate('contact')}
      >
        {s.entry}
      </Button>
    </div>
  )
}
