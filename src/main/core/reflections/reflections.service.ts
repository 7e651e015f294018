import type { z } from 'zod'
import type { Reflection, reflectionFields, reflectionListInput } from '../../../shared/ipc/schemas/reflections'
import { createEntityService, type ServiceContext } from '../records/entity.service'
import { listReflections, listTagsWithCounts, reflectionsTable, setTags, tagNamesOf } from './reflections.repo'

export type ReflectionFields = z.output<typeof reflectionFields>

const uniqueCaseInsensitive = (names: readonly string[]): string[] => {
  const seen = new Map<string, string>()
  for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name)
  return [...seen.values()]
}

export function createReflectionsService(ctx: ServiceContext) {
  const entity = createEntityService<ReflectionFields, Reflection, z.output<typeof reflectionListInput>>(ctx, {
    spec: reflectionsTable,
    tables: ['reflections', 'tags'],
    list: listReflections,
    texts: ['body'],
    prepare: (fields) => (fields.tags === undefined ? fields : { ...fields, tags: uniqueCaseInsensitive(fields.tags) }),
    afterWrite: (db, id, fields) => {
      if (fields.tags !== undefined) setTags(db, id, fields.tags, ctx.clock.now())
    },
    decorate: (db, dto) => ({ ...dto, tags: tagNamesOf(db, dto.id) }),
  })
  return { ...entity, listTags: () => listTagsWithCounts(ctx.db()) }
}
