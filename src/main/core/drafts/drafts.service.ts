import type { z } from 'zod'
import type { Draft, draftFields } from '../../../shared/ipc/schemas/contacts'
import { createEntityService, type ServiceContext } from '../records/entity.service'
import { draftsTable, listDrafts } from './drafts.repo'

export type DraftFields = z.output<typeof draftFields>

export const createDraftsService = (ctx: ServiceContext) =>
  createEntityService<DraftFields, Draft, Record<string, never>>(ctx, {
    spec: draftsTable,
    tables: ['drafts'],
    list: (db) => listDrafts(db),
  })
