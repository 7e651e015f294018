import type { z } from 'zod'
import type { Absence, absenceFields } from '../../../shared/ipc/schemas/absences'
import { createEntityService, type ServiceContext } from '../records/entity.service'
import { absencesTable, listAbsences } from './absences.repo'

export type AbsenceFields = z.output<typeof absenceFields>

export const createAbsencesService = (ctx: ServiceContext) =>
  createEntityService<AbsenceFields, Absence, { therapistId: string | null }>(ctx, {
    spec: absencesTable,
    tables: ['absences'],
    list: listAbsences,
  })
