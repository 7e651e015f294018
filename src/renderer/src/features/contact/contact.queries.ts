import { queryOptions } from '@tanstack/react-query'
import { rpc } from '../../lib/rpc'

/** Everything the contact check reads: any change there gathers it again. */
const CHECK_TABLES = ['rules', 'rule_versions', 'sessions', 'contacts', 'absences', 'crisis_plan', 'reflections', 'therapists'] as const

/**
 * What the check reads for one therapist (contactCheck.inputs). The crisis plan comes with it:
 * the purpose can turn to crisis at any press, and that answer must not wait for a round trip.
 */
export const contactCheckInputsQuery = (therapistId: string) =>
  queryOptions({
    queryKey: ['contact_check_inputs', therapistId] as const,
    queryFn: () => rpc('contactCheck.inputs', { therapistId, withCrisisPlan: true }),
    gcTime: 60_000,
    meta: { tables: CHECK_TABLES },
  })
