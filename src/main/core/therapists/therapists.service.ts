import type { z } from 'zod'
import type { therapistFields } from '../../../shared/ipc/schemas/therapists'
import type { Therapist } from '../../../shared/ipc/schemas/therapists'
import { createEntityService, type ServiceContext } from '../records/entity.service'
import { listTherapists, therapistsTable } from './therapists.repo'

export type TherapistFields = z.output<typeof therapistFields>

export const createTherapistsService = (ctx: ServiceContext) =>
  createEntityService<TherapistFields, Therapist, Record<string, never>>(ctx, {
    spec: therapistsTable,
    tables: ['therapists'],
    list: (db) => listTherapists(db),
  })
