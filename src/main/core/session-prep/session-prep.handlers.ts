import type { Core } from '../index'

export const sessionPrepHandlers = (core: Core) => ({
  'sessionPrep.open': core.sessionPrep.open,
  'sessionPrep.reorder': core.sessionPrep.reorder,
  'sessionPrep.review': core.sessionPrep.review,
  'sessionPrep.briefPdf': core.sessionPrep.briefPdf,
  'sessionPrep.briefMarkdown': core.sessionPrep.briefMarkdown,
  'sessionPrep.agreementsSheetPdf': core.sessionPrep.agreementsSheetPdf,
  'sessionPrep.agreementsSheetMarkdown': core.sessionPrep.agreementsSheetMarkdown,
})
