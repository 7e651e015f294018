import { searchInput, searchResultSchema } from '../schemas/search'
import { channel } from './channel'

export const searchContract = {
  'search.query': channel(searchInput, searchResultSchema),
} as const
