import type { Core } from '../index'

export const rulesHandlers = (core: Core) => ({
  'rules.create': core.rules.create,
  'rules.get': core.rules.get,
  'rules.list': core.rules.list,
  'rules.update': core.rules.update,
  'rules.delete': core.rules.delete,
  'rules.history': core.rules.history,
  'starterAnswers.get': core.starterAnswers.get,
  'starterAnswers.save': core.starterAnswers.save,
})
