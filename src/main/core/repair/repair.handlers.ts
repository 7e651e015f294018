import type { Core } from '../index'

export const repairHandlers = (core: Core) => ({
  'repair.list': () => core.repair.list(),
})
