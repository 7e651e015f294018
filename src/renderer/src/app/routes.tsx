import { lazy, type ComponentType } from 'react'
import type { IconName } from '../components/ui'
import { HomeScreen } from '../features/home/HomeScreen'
import { appStrings } from './app.strings'
import { timelineStrings } from '../features/timeline/timeline.strings'

const TimelineScreen = lazy(() => import('../features/timeline/TimelineScreen'))

/**
 * THE MOUNT POINT for feature screens. Each entry is one item in the sidebar and the screen it
 * shows in the main area. To add a feature (the timeline is next):
 *
 *   1. build it in src/renderer/src/features/<feature>/ with a default-exported screen
 *      component that renders one <h1> (the shell focuses it on navigation);
 *   2. add its id to RouteId and an entry below, lazily loaded so it gets its own chunk:
 *        const TimelineScreen = lazy(() => import('../features/timeline/TimelineScreen'))
 *        { id: 'timeline', label: timelineStrings.nav, icon: 'clock', Screen: TimelineScreen },
 *
 * The shell wraps every screen in <Suspense> and an error boundary.
 */
export type RouteId = 'home' | 'timeline'

export interface RouteDef {
  id: RouteId
  label: string
  icon: IconName
  Screen: ComponentType
}

export const routes: readonly RouteDef[] = [
  { id: 'home', label: appStrings.nav.home, icon: 'home', Screen: HomeScreen },
  { id: 'timeline', label: timelineStrings.nav, icon: 'clock', Screen: TimelineScreen },
]

export const DEFAULT_ROUTE: RouteId = 'home'
