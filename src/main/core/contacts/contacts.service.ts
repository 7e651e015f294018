import type { z } from 'zod'
import type { Contact, contactFields, contactListInput } from '../../../shared/ipc/schemas/contacts'
import { createEntityService, type ServiceContext } from '../records/entity.service'
import { contactsTable, listContacts } from './contacts.repo'

export type ContactFields = z.output<typeof contactFields>

export const createContactsService = (ctx: ServiceContext) =>
  createEntityService<ContactFields, Contact, z.output<typeof contactListInput>>(ctx, {
    spec: contactsTable,
    tables: ['contacts'],
    list: listContacts,
    texts: ['summary'],
  })
