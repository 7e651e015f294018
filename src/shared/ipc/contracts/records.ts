import { z } from 'zod'
import { absenceFields, absenceSchema } from '../schemas/absences'
import { emptyInput, idSchema } from '../schemas/common'
import { contactFields, contactListInput, contactSchema, draftFields, draftSchema } from '../schemas/contacts'
import { crisisPlanSave, crisisPlanSchema } from '../schemas/crisis-plan'
import { reflectionFields, reflectionListInput, reflectionSchema, tagSchema } from '../schemas/reflections'
import { sessionFields, sessionListInput, sessionSchema } from '../schemas/sessions'
import { talkingPointFields, talkingPointListInput, talkingPointSchema } from '../schemas/talking-points'
import { therapistFields, therapistSchema } from '../schemas/therapists'
import { channel, crud } from './channel'
import { ids, talkingPointLinksSchema } from './journal'

/** The person's records: plain create/get/list/update/delete per entity. */
export const recordsContract = {
  ...crud('therapists', therapistFields, therapistSchema, emptyInput),
  ...crud('sessions', sessionFields, sessionSchema, sessionListInput),
  ...crud('reflections', reflectionFields, reflectionSchema, reflectionListInput),
  ...crud('talkingPoints', talkingPointFields, talkingPointSchema, talkingPointListInput),
  ...crud('contacts', contactFields, contactSchema, contactListInput),
  ...crud('drafts', draftFields, draftSchema, emptyInput),
  /** The talking points made from a draft (an undo of its delete links them again). */
  'drafts.links': channel(z.strictObject({ id: idSchema }), talkingPointLinksSchema),
  /** Undo for a delete: the draft back as it was (same ID and times), its talking points linked again. CONFLICT when it exists. */
  'drafts.restore': channel(z.strictObject({ draft: draftSchema, talkingPointIds: ids }), draftSchema),
  ...crud('absences', absenceFields, absenceSchema, z.strictObject({ therapistId: idSchema.nullable().default(null) })),
  'crisisPlan.get': channel(emptyInput, crisisPlanSchema),
  'crisisPlan.save': channel(crisisPlanSave, crisisPlanSchema),
  'tags.list': channel(emptyInput, z.array(tagSchema)),
} as const
