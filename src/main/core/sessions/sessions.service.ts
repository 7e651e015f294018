import type { z } from 'zod'
import type { Session, sessionFields, sessionListInput } from '../../../shared/ipc/schemas/sessions'
import { sessionStatusFitsTime } from '../../../shared/domain/session-status'
import { CoreError } from '../errors'
import { newId } from '../ids'
import { createEntityService, type ServiceContext, type UpdateInput } from '../records/entity.service'
import { listSessions, sessionsTable } from './sessions.repo'

type ContractFields = z.output<typeof sessionFields>
/** The contract always sends title and location (null: none); callers inside the core may leave them out. */
export type SessionFields = Omit<ContractFields, 'title' | 'location'> & Partial<Pick<ContractFields, 'title' | 'location'>>

/** Only a session that has started can be attended or missed; anything else is refused. */
function assertStatusFitsTime(status: Session['status'], startsAt: number, now: number): void {
  if (!sessionStatusFitsTime(status, startsAt, now)) throw new CoreError('SESSION_NOT_STARTED', { field: 'status' })
}

export const createSessionsService = (ctx: ServiceContext) => {
  const entities = createEntityService<SessionFields, Session, z.output<typeof sessionListInput>>(ctx, {
    spec: sessionsTable,
    tables: ['sessions'],
    list: listSessions,
    texts: ['notes', 'takeaways'],
    prepare: (fields, now) =>
      fields.homework === undefined
        ? fields
        : { ...fields, homework: fields.homework.map((item) => ({ ...item, id: item.id ?? newId(now) })) },
  })
  return {
    ...entities,
    create(fields: SessionFields): Session {
      assertStatusFitsTime(fields.status, fields.startsAt, ctx.clock.now())
      return entities.create(fields)
    },
    update(input: UpdateInput<SessionFields>): Session {
      const { status, startsAt } = input.patch
      if (status !== undefined || startsAt !== undefined) {
        const current = entities.get({ id: input.id })
        assertStatusFitsTime(status ?? current.status, startsAt ?? current.startsAt, ctx.clock.now())
      }
      return entities.update(input)
    },
  }
}
