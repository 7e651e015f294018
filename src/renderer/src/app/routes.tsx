import { lazy, type ComponentType } from 'react'
import type { IconName } from '../components/ui'
import { HomeScreen } from '../features/home/HomeScreen'
import { appStrings } from './app.strings'
import { preloadable } from './preloadable'
import { timelineStrings } from '../features/timeline/timeline.strings'
import { prefetchFirstPage } from '../features/timeline/use-timeline-feed'
import { agreementsStrings } from '../features/agreements/agreements.strings'
import { contactStrings } from '../features/contact/contact.strings'
import { crisisPlanStrings } from '../features/crisis-plan/crisis-plan.strings'
import { sessionPrepStrings } from '../features/session-prep/session-prep.strings'
import { homeworkStrings } from '../features/homework/homework.strings'

// The first screen after unlocking: loaded while the lock screen shows (preloadDefaultScreen).
const TimelineScreen = preloadable(() => import('../features/timeline/TimelineScreen'))
const ContactScreen = lazy(() => import('../features/contact/ContactScreen'))
const PrepScreen = lazy(() => import('../features/session-prep/PrepScreen'))
const AgreementsScreen = lazy(() => import('../features/agreements/AgreementsScreen'))
const CrisisPlanScreen = lazy(() => import('../features/crisis-plan/CrisisPlanScreen'))
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen'))
const ThoughtRecordsScreen = lazy(() => import('../features/homework/ThoughtRecordsScreen'))
const DiaryCardScreen = lazy(() => import('../features/homework/DiaryCardScreen'))
const CheckInsScreen = lazy(() => import('../features/homework/CheckInsScreen'))
const TemplatesScreen = lazy(() => import('../features/homework/TemplatesScreen'))

/**
 * THE MOUNT POINT for feature screens. Each entry is one item in the sidebar and the screen it
 * shows in the main area. To add a feature (the timeline is next):
 *
 *   1. build it in src/renderer/src/features/<feature>/ with a default-exported screen
 *      component that renders one <h1> (the shell focuses it on navigation);
 *   2. add its id to RouteId and an entry below, lazily loaded so it gets its own chunk:
 *        // The first screen after unlocking: loaded while the lock screen shows (preloadDefaultScreen).
const TimelineScreen = preloadable(() => import('../features/timeline/TimelineScreen'))
 *        { id: 'timeline', label: timelineStrings.nav, icon: 'clock', Screen: TimelineScreen },
 *
 * The shell wraps every screen in <Suspense> and an error boundary.
 */
export type RouteId = 'home' | 'timeline' | 'contact' | 'session-prep' | 'agreements' | 'crisis-plan' | 'settings' | HomeworkRouteId
/** The homework screens (issue 19). */
export type HomeworkRouteId = 'thought-records' | 'diary-card' | 'check-ins' | 'templates'

export interface RouteDef {
  id: RouteId
  label: string
  icon: IconName
  Screen: ComponentType
  /** false: not listed in the sidebar's nav (reached another way, e.g. the Ready to contact? button). */
  sidebar?: false
}

export const routes: readonly RouteDef[] = [
  { id: 'timeline', label: timelineStrings.nav, icon: 'clock', Screen: TimelineScreen },
  { id: 'home', label: appStrings.nav.home, icon: 'home', Screen: HomeScreen },
  { id: 'session-prep', label: sessionPrepStrings.nav, icon: 'list', Screen: PrepScreen },
  { id: 'agreements', label: agreementsStrings.nav, icon: 'agreement', Screen: AgreementsScreen },
  { id: 'crisis-plan', label: crisisPlanStrings.nav, icon: 'lifebuoy', Screen: CrisisPlanScreen },
  { id: 'thought-records', label: homeworkStrings.thoughtRecords.nav, icon: 'message', Screen: ThoughtRecordsScreen },
  { id: 'diary-card', label: homeworkStrings.diary.nav, icon: 'list', Screen: DiaryCardScreen },
  { id: 'check-ins', label: homeworkStrings.checkIns.nav, icon: 'check', Screen: CheckInsScreen },
  { id: 'templates', label: homeworkStrings.templates.nav, icon: 'copy', Screen: TemplatesScreen },
  { id: 'settings', label: appStrings.nav.settings, icon: 'settings', Screen: SettingsScreen },
  { id: 'contact', label: contactStrings.nav, icon: 'message', Screen: ContactScreen, sidebar: false },
]

/** The timeline is home: the first thing seen after unlocking. */
export const DEFAULT_ROUTE: RouteId = 'timeline'

/** Loads the first screen's code ahead of the unlock, so it renders without a loading step. */
export const preloadDefaultScreen = (): Promise<unknown> => TimelineScreen.preload()

/** Asks for the first screen's data as the vault opens, while the frame around it renders. */
export const prefetchDefaultScreen = (): void => prefetchFirstPage()
