/**
 * The one place that says which dates an import accepts: 1900-01-01 to 2199-12-31 (UTC). Every
 * importer asks here, so an entry dated 0001 or 9999 (a broken export, a typo in a CSV) is
 * skipped with a reason in the preview instead of landing in the timeline.
 */
export const IMPORT_RANGE_START = Date.UTC(1900, 0, 1)
export const IMPORT_RANGE_END = Date.UTC(2200, 0, 1)

export const inImportRange = (ms: number): boolean => Number.isFinite(ms) && ms >= IMPORT_RANGE_START && ms < IMPORT_RANGE_END
