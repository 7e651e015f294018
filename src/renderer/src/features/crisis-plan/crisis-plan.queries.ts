import { queryOptions } from '@tanstack/react-query'
import { rpc } from '../../lib/rpc'

export const crisisPlanKeys = { all: ['crisis_plan'] as const }
export const prefsKeys = { all: ['prefs'] as const }

export const crisisPlanQuery = () => queryOptions({ queryKey: crisisPlanKeys.all, queryFn: () => rpc('crisisPlan.get', {}) })

/** Preferences live outside the vault; they change only through prefs.set (no data.changed). */
export const prefsQuery = () => queryOptions({ queryKey: prefsKeys.all, queryFn: () => rpc('prefs.get', {}) })
