import type { z } from 'zod'
import type { TalkingPoint, talkingPointFields, talkingPointListInput } from '../../../shared/ipc/schemas/talking-points'
import { createEntityService, type ServiceContext } from '../records/entity.service'
import { listTalkingPoints, talkingPointsTable } from './talking-points.repo'

export type TalkingPointFields = z.output<typeof talkingPointFields>

export const createTalkingPointsService = (ctx: ServiceContext) =>
  createEntityService<TalkingPointFields, TalkingPoint, z.output<typeof talkingPointListInput>>(ctx, {
    spec: talkingPointsTable,
    tables: ['talking_points'],
    list: listTalkingPoints,
  })
