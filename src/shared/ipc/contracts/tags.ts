import { z } from 'zod'
import { idSchema } from '../schemas/common'
import { tagNameSchema, tagSchema } from '../schemas/reflections'
import { channel } from './channel'

/**
 * Tags beyond `tags.list` (records slice). Tags are created inline by naming them on a
 * reflection; these channels tidy them up.
 */
export const tagsContract = {
  /**
   * Renames a tag everywhere it is used. A new name that another tag already has (ignoring
   * case) is a CONFLICT: merge the two instead. Changing only the case is a rename.
   */
  'tags.rename': channel(z.strictObject({ id: idSchema, name: tagNameSchema }), tagSchema),
  /**
   * Moves every reflection tagged with any of `sourceIds` onto `targetId`, then removes the
   * sources. A reflection that had both keeps one. Returns the target with its new count.
   */
  'tags.merge': channel(
    z
      .strictObject({ sourceIds: z.array(idSchema).min(1).max(100), targetId: idSchema })
      .refine((input) => !input.sourceIds.includes(input.targetId), { message: 'a tag cannot merge into itself', path: ['sourceIds'] }),
    tagSchema,
  ),
} as const
