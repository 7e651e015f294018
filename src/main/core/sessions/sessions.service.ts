import type { z } from 'zod'
import type { Session, sessionFields, sessionListInput } from '../../../shared/ipc/schemas/sessions'
import { newId } from '../ids'
import { createEntityService, type ServiceContext } from '../records/entity.service'
import { listSessions, sessionsTable } from './sessions.repo'

export type SessionFields = z.output<typeof sessionFields>

export const createSessionsService = (ctx: ServiceContext) =>
  createEntityService<SessionFields, Session, z.output<typeof sessionListInput>>(ctx, {
    spec: sessionsTable,
    tables: ['sessions'],
    list: listSessions,
    prepare: (fields, now) =>
      fields.homework === undefined
        ? fields
        : { ...fields, homework: fields.homework.map((item) => ({ ...item, id: item.id ?? newId(now) })) },
  })
