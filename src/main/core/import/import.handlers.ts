import type { Core } from '../index'

export const importHandlers = (core: Core) => ({
  'import.betweenJson': () => core.imports.betweenJson(),
  'import.dayOne': () => core.imports.dayOne(),
  'import.calendar': core.imports.calendar,
})
