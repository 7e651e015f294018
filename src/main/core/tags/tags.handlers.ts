import type { Core } from '../index'

export const tagsHandlers = (core: Core) => ({
  'tags.rename': core.tags.rename,
  'tags.merge': core.tags.merge,
})
