import { useCallback } from 'react'
import { useNavigation } from '../../app/navigation'
import type { RouteId } from '../../app/routes'
import type { HomeworkKind } from './homework-entries'

export interface HomeworkTarget {
  kind: HomeworkKind
  id: string
  at: number
}

const ROUTE: Record<HomeworkKind, RouteId> = { thought_record: 'thought-records', diary_day: 'diary-card', check_in: 'check-ins' }

/** What a homework screen should open when it mounts (routing is plain state, without parameters). */
let pending: HomeworkTarget | null = null

/** The target for this kind, once: the screen that reads it opens that item. */
export function takeHomeworkTarget(kind: HomeworkKind): HomeworkTarget | null {
  if (pending?.kind !== kind) return null
  const target = pending
  pending = null
  return target
}

/** Opens a homework item from elsewhere (the timeline, search): its screen, at that item. */
export function useOpenHomework(): (target: HomeworkTarget) => void {
  const navigation = useNavigation()
  return useCallback(
    (target: HomeworkTarget) => {
      pending = target
      navigation.navigate(ROUTE[target.kind])
    },
    [navigation],
  )
}
