import { outsideCall } from '../db/channel-call'
import type { Core } from '../index'

export const sessionPrepHandlers = (core: Core) => ({
  'sessionPrep.open': core.sessionPrep.open,
  'sessionPrep.reorder': core.sessionPrep.reorder,
  'sessionPrep.review': core.sessionPrep.review,
  'sessionPrep.briefPdf': outsideCall(core.sessionPrep.briefPdf), // a file
  'sessionPrep.briefMarkdown': core.sessionPrep.briefMarkdown,
  'sessionPrep.agreementsSheetPdf': outsideCall(core.sessionPrep.agreementsSheetPdf), // a file
  'sessionPrep.agreementsSheetMarkdown': core.sessionPrep.agreementsSheetMarkdown,
})
