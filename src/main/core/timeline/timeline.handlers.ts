import type { Core } from '../index'

export const timelineHandlers = (core: Core) => ({
  'timeline.page': core.timeline.page,
})
