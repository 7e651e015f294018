import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { ChannelInput } from '../../../../shared/ipc/contract'
import { rpc } from '../../lib/rpc'

/** Everything the contact check reads: any change there re-runs it. */
const CHECK_TABLES = ['rules', 'rule_versions', 'sessions', 'contacts', 'absences', 'crisis_plan', 'reflections', 'therapists'] as const

export const contactCheckQuery = (input: ChannelInput<'contactCheck.evaluate'>, minute: number, enabled: boolean) =>
  queryOptions({
    // The minute is part of the key: the answer depends on the time, so it is asked again as time passes.
    queryKey: ['contact_check', input, minute] as const,
    queryFn: () => rpc('contactCheck.evaluate', input),
    enabled,
    placeholderData: keepPreviousData,
    gcTime: 60_000,
    meta: { tables: CHECK_TABLES },
  })
