import type { Core } from '../index'

export const searchHandlers = (core: Core) => ({
  'search.query': core.search.query,
})
