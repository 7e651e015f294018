import type { Core } from '../index'

export const contactCheckHandlers = (core: Core) => ({
  'contactCheck.evaluate': core.contactCheck.evaluate,
  'contactCheck.inputs': core.contactCheck.inputs,
})
