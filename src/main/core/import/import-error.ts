/**
 * INVALID_IMPORT with what is wrong and where. The sentence is chosen from a fixed table and the
 * "where" is a field path made of our own schema keys and array indexes, or a line number:
 * never a piece of the file's content (which may be someone's private writing).
 */
import type { z } from 'zod'
import type { RpcError } from '../../../shared/ipc/result'
import { INSTANT_RANGE_TEXT } from '../../../shared/domain/time/instant-range'
import { CoreError } from '../errors'

/** The detail for a date outside the one valid range (a refine message: our words only). */
export const OUT_OF_RANGE = `a date that is not ${INSTANT_RANGE_TEXT}`

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export type ImportProblem =
  | 'too_large'
  | 'empty'
  | 'not_text'
  | 'zip_archive'
  | 'not_json'
  | 'not_between_export'
  | 'from_newer_version'
  | 'not_day_one'
  | 'invalid_field'
  | 'missing_reference'
  | 'not_calendar'
  | 'broken_calendar'

const PROBLEMS: Record<ImportProblem, string> = {
  too_large: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most Between imports at once.`,
  empty: 'The file is empty.',
  not_text: 'The file is not text (UTF-8).',
  zip_archive: 'This is a zip archive: unzip it first and choose the JSON file inside.',
  not_json: 'The file is not valid JSON.',
  not_between_export: 'The file is JSON, but not an export made by Between.',
  from_newer_version: 'The file was exported by a newer version of Between.',
  not_day_one: 'The file is JSON, but not a Day One journal export.',
  invalid_field: 'A value in the file is not what Between expects.',
  missing_reference: 'An item refers to another item that is neither in the file nor in this vault.',
  not_calendar: 'The file is not a calendar (.ics) file.',
  broken_calendar: 'The calendar file is damaged.',
}

export class ImportError extends CoreError {
  readonly problem: ImportProblem
  readonly where: string | undefined
  readonly detail: string | undefined

  /** `detail` must be one of our own phrases (see describeIssue), never file content. */
  constructor(problem: ImportProblem, where?: string, detail?: string) {
    super('INVALID_IMPORT', where === undefined ? {} : { field: where })
    this.problem = problem
    this.where = where
    this.detail = detail
    const at = where === undefined ? '' : ` Where: ${where}${detail ? `, ${detail}` : ''}.`
    this.message = `${PROBLEMS[problem]}${at} Nothing was changed.`
  }

  override toRpcError(): RpcError {
    return this.where === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.where }
  }
}

/** A zod path as "entries.3.creationDate" (our keys and indexes only). */
export const pathOf = (path: ReadonlyArray<PropertyKey>, prefix?: string): string => {
  const joined = path.map((part) => (typeof part === 'symbol' ? '?' : String(part))).join('.')
  if (prefix === undefined) return joined === '' ? '(file)' : joined
  return joined === '' ? prefix : `${prefix}.${joined}`
}

/** What is wrong with a value, in our words; never the value itself. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`
    case 'too_big':
      return issue.origin === 'string' ? 'too long' : issue.origin === 'array' ? 'too many items' : 'too large'
    case 'too_small':
      return issue.origin === 'string' ? 'too short or empty' : issue.origin === 'array' ? 'too few items' : 'too small'
    case 'invalid_format':
      return issue.format === 'datetime' ? 'expected a date and time (ISO 8601)' : 'not in the expected format'
    case 'invalid_value':
      return 'not one of the allowed values'
    case 'unrecognized_keys':
      return 'has a field Between does not know'
    case 'invalid_union':
      return 'not in any of the accepted forms'
    case 'custom':
      return issue.message === OUT_OF_RANGE ? OUT_OF_RANGE : 'not valid'
    default:
      return 'not valid'
  }
}

/** The first issue of a failed parse as an ImportError. */
export function fromZodError(error: z.ZodError, problem: ImportProblem = 'invalid_field', prefix?: string): ImportError {
  const issue = error.issues[0]
  if (!issue) return new ImportError(problem)
  return new ImportError(problem, pathOf(issue.path, prefix), describeIssue(issue))
}
