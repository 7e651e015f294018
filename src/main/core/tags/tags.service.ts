import { CoreError } from '../errors'
import { writeTransaction, type ServiceContext } from '../records/entity.service'
import { mergeTagInto, renameTag, tagById, tagIdByName, type TagRow } from './tags.repo'

/** Tag housekeeping: rename and merge. Both touch reflections' tags, so both say so. */
export function createTagsService(ctx: ServiceContext) {
  const changed = () => ctx.events.emit('data.changed', { tables: ['tags', 'reflections'] })
  return {
    rename({ id, name }: { id: string; name: string }): TagRow {
      const db = ctx.db()
      const tag = writeTransaction(db, () => {
        const existing = tagIdByName(db, name)
        if (existing !== undefined && existing !== id) throw new CoreError('CONFLICT', { field: 'name' })
        if (!renameTag(db, id, name)) throw new CoreError('NOT_FOUND')
        return tagById(db, id) as TagRow
      })
      changed()
      return tag
    },
    merge({ sourceIds, targetId }: { sourceIds: string[]; targetId: string }): TagRow {
      const db = ctx.db()
      const tag = writeTransaction(db, () => {
        if (!tagById(db, targetId)) throw new CoreError('NOT_FOUND', { field: 'targetId' })
        const sources = [...new Set(sourceIds)]
        for (const sourceId of sources) if (!tagById(db, sourceId)) throw new CoreError('NOT_FOUND', { field: 'sourceIds' })
        for (const sourceId of sources) mergeTagInto(db, sourceId, targetId)
        return tagById(db, targetId) as TagRow
      })
      changed()
      return tag
    },
  }
}
