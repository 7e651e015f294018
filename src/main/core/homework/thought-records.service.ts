import type { z } from 'zod'
import type { ThoughtRecord, thoughtRecordFields, thoughtRecordListInput } from '../../../shared/ipc/schemas/homework'
import { createEntityService, type ServiceContext } from '../records/entity.service'
import { listThoughtRecords, thoughtRecordsTable } from './homework.repo'

export type ThoughtRecordFields = z.output<typeof thoughtRecordFields>

/** Thought records: written in one sitting or over several (the editor saves as the person types). */
export const createThoughtRecordsService = (ctx: ServiceContext) =>
  createEntityService<ThoughtRecordFields, ThoughtRecord, z.output<typeof thoughtRecordListInput>>(ctx, {
    spec: thoughtRecordsTable,
    tables: ['thought_records'],
    list: listThoughtRecords,
    texts: ['situation', 'evidenceFor', 'evidenceAgainst', 'balancedThought'],
  })
