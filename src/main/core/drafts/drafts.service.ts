import type { z } from 'zod'
import type { Draft, draftFields } from '../../../shared/ipc/schemas/contacts'
import { insertRow } from '../db/table.repo'
import { createEntityService, writeTransaction, type ServiceContext } from '../records/entity.service'
import { linkedTalkingPointIds, relinkTalkingPoints } from '../talking-points/talking-points.repo'
import { draftsTable, listDrafts } from './drafts.repo'

export type DraftFields = z.output<typeof draftFields>

export function createDraftsService(ctx: ServiceContext) {
  const entity = createEntityService<DraftFields, Draft, Record<string, never>>(ctx, {
    spec: draftsTable,
    tables: ['drafts'],
    list: (db) => listDrafts(db),
    texts: ['body'],
  })
  return {
    ...entity,
    /** The talking points made from a draft, read before it is deleted so an undo can link them again. */
    links({ id }: { id: string }) {
      entity.get({ id })
      return { talkingPointIds: linkedTalkingPointIds(ctx.db(), 'source_draft_id', id) }
    },
    restore({ draft, talkingPointIds }: { draft: Draft; talkingPointIds: string[] }): Draft {
      const db = ctx.db()
      writeTransaction(db, () => {
        insertRow(db, draftsTable, { ...draft })
        relinkTalkingPoints(db, 'source_draft_id', draft.id, talkingPointIds)
      })
      ctx.events.emit('data.changed', { tables: ['drafts', 'talking_points'] })
      return entity.get({ id: draft.id })
    },
  }
}
