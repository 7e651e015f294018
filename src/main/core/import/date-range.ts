/**
 * Which dates an import accepts: the one range Between accepts everywhere
 * (src/shared/domain/time/instant-range.ts, 1900-01-01 to 2199-12-31 UTC). Every importer asks
 * here, so an entry dated 0001 or 9999 (a broken export, a typo in a CSV) is skipped with a
 * reason in the preview instead of landing in the timeline.
 */
import { INSTANT_MAX, INSTANT_MIN } from '../../../shared/domain/time/instant-range'

export const inImportRange = (ms: number): boolean => Number.isFinite(ms) && ms >= INSTANT_MIN && ms <= INSTANT_MAX
