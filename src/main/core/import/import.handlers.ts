import type { Core } from '../index'

export const importHandlers = (core: Core) => ({
  'import.choose': core.imports.choose,
  'import.preview': core.imports.preview,
  'import.apply': (input: Parameters<Core['imports']['apply']>[0]) => core.imports.apply(input),
  'import.discard': core.imports.discard,
})
