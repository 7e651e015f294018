import type { Core } from '../index'

export const exportHandlers = (core: Core) => ({
  'export.json': core.exports.json,
  'export.markdownFolder': core.exports.markdownFolder,
  'export.markdownDocument': core.exports.markdownDocument,
  'export.pdf': core.exports.pdf,
})
