import type { z } from 'zod'
import type { ReflectionTemplate, templateFields } from '../../../shared/ipc/schemas/homework'
import { createEntityService, type ServiceContext } from '../records/entity.service'
import { listTemplates, templatesTable } from './homework.repo'

/** The person's own reflection templates. The built-in ones live in the renderer's strings. */
export const createTemplatesService = (ctx: ServiceContext) =>
  createEntityService<z.output<typeof templateFields>, ReflectionTemplate, Record<string, never>>(ctx, {
    spec: templatesTable,
    tables: ['reflection_templates'],
    list: (db) => listTemplates(db),
    texts: ['body'],
  })
