import type { Core } from '../index'
import type { EntityService, UpdateInput } from './entity.service'

/** `<domain>.create|get|list|update|delete` over one entity service. */
const entityHandlers = <D extends string, F, T, L>(domain: D, service: EntityService<F, T, L>) =>
  ({
    [`${domain}.create`]: (input: F) => service.create(input),
    [`${domain}.get`]: (input: { id: string }) => service.get(input),
    [`${domain}.list`]: (input: L) => service.list(input),
    [`${domain}.update`]: (input: UpdateInput<F>) => service.update(input),
    [`${domain}.delete`]: (input: { id: string }) => service.delete(input),
  }) as { [K in `${D}.create`]: (input: F) => T } & { [K in `${D}.get`]: (input: { id: string }) => T } & {
    [K in `${D}.list`]: (input: L) => T[]
  } & { [K in `${D}.update`]: (input: UpdateInput<F>) => T } & {
    [K in `${D}.delete`]: (input: { id: string }) => { id: string; deleted: true }
  }

export const recordsHandlers = (core: Core) => ({
  ...entityHandlers('therapists', core.therapists),
  ...entityHandlers('sessions', core.sessions),
  ...entityHandlers('reflections', core.reflections),
  ...entityHandlers('talkingPoints', core.talkingPoints),
  ...entityHandlers('contacts', core.contacts),
  ...entityHandlers('drafts', core.drafts),
  'drafts.links': core.drafts.links,
  'drafts.restore': core.drafts.restore,
  ...entityHandlers('absences', core.absences),
  'crisisPlan.get': () => core.crisisPlan.get(),
  'crisisPlan.save': core.crisisPlan.save,
  'tags.list': () => core.reflections.listTags(),
})
