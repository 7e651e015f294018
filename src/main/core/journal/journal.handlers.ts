import type { Core } from '../index'

export const journalHandlers = (core: Core) => ({
  'sessions.createSeries': core.journal.createSeries,
  'sessions.links': core.journal.sessionLinks,
  'sessions.restore': core.journal.restoreSession,
  'reflections.links': core.journal.reflectionLinks,
  'reflections.restore': core.journal.restoreReflection,
  'mood.trend': core.journal.moodTrend,
})
