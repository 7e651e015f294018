import { timelinePageInput, timelinePageSchema } from '../schemas/timeline'
import { channel } from './channel'

export const timelineContract = {
  'timeline.page': channel(timelinePageInput, timelinePageSchema),
} as const
