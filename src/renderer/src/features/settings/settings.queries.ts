import { queryOptions, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { ReminderSettings } from '../../../../shared/ipc/schemas/reminders'
import type { Prefs, PrefsPatch } from '../../../../shared/prefs'
import { rpc } from '../../lib/rpc'
import { prefsKeys, prefsQuery } from '../crisis-plan/crisis-plan.queries'

export { prefsKeys, prefsQuery }

/** Reminder settings live in the vault (table `reminders`, so `data.changed` refreshes them). */
export const reminderKeys = { all: ['reminders'] as const, settings: () => [...reminderKeys.all, 'settings'] as const }
export const reminderSettingsQuery = () => queryOptions({ queryKey: reminderKeys.settings(), queryFn: () => rpc('reminders.getSettings', {}) })

/** Saves a preferences patch and puts the stored result in the shared prefs query. */
export function useSavePrefs(): (patch: PrefsPatch) => Promise<Prefs> {
  const queryClient = useQueryClient()
  return useCallback(
    async (patch) => {
      const next = await rpc('prefs.set', patch)
      queryClient.setQueryData(prefsKeys.all, (old: { prefs: Prefs; corruptedAtStart: boolean } | undefined) => ({
        corruptedAtStart: old?.corruptedAtStart ?? false,
        prefs: next,
      }))
      return next
    },
    [queryClient],
  )
}

export function useSaveReminderSettings(): (settings: ReminderSettings) => Promise<ReminderSettings> {
  const queryClient = useQueryClient()
  return useCallback(
    async (settings) => {
      const next = await rpc('reminders.setSettings', settings)
      queryClient.setQueryData(reminderKeys.settings(), next)
      return next
    },
    [queryClient],
  )
}

/** The person's IANA zone, for ranged exports, calendar imports and the reflection prompt. */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
