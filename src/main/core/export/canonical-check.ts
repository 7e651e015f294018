/**
 * A fast yes for values a zod schema would pass through unchanged. An export checks every row
 * against the export schema; zod's full parse of 200,000 rows (a new object per row and per
 * field, an issue list, a context) was about a quarter of the JSON export's CPU. This walks the
 * schema's definition once and returns a check that answers true only when parsing the value
 * would succeed AND give the same JSON back: every check passes, no `.trim()` or other overwrite
 * changes a string, no default is filled, and every object has exactly the shape's keys in the
 * shape's order. The checks themselves are zod's own (each check's `_zod.check`), so lengths,
 * patterns, integers and refinements mean exactly what they mean in the schema.
 *
 * When it answers false the caller parses with zod as before (and gets zod's output and issues),
 * so a row that does not fit, or fits only after zod changed it, is handled exactly as before.
 * A schema that uses anything this does not know (transforms, pipes, records, unions, ...) gets
 * no fast check at all (null): then zod parses every value.
 */
import type { z } from 'zod'

export type CanonicalCheck = (value: unknown) => boolean

interface ZodCheck {
  _zod: { def: { when?: (payload: Payload) => boolean }; check(payload: Payload): unknown }
}
interface Payload {
  value: unknown
  issues: unknown[]
}
interface Def {
  type: string
  checks?: ZodCheck[]
  innerType?: z.ZodType
  element?: z.ZodType
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def
const valuesOf = (schema: z.ZodType): ReadonlySet<unknown> | undefined => (schema as unknown as { _zod: { values?: Set<unknown> } })._zod.values

/** One payload for every check run (they run one at a time, synchronously): no allocation per value. */
const payload: Payload = { value: undefined, issues: [] }

/** Zod's own check on a value (as its runChecks runs it); true when it reports no issue and does not rewrite the value. */
function passesCheck(check: ZodCheck, value: unknown): boolean {
  payload.value = value
  try {
    const when = check._zod.def.when
    if (when && !when(payload)) return true
    return !(check._zod.check(payload) instanceof Promise) && payload.issues.length === 0 && payload.value === value
  } finally {
    payload.value = undefined
    payload.issues.length = 0
  }
}

/**
 * For the common checks, a condition under which the check surely passes, read from its
 * definition: the value then needs no call into zod. When it does not hold (an edge such as a
 * string near its length limit, counted by zod in code points), zod's own check decides.
 */
function surePass(check: ZodCheck): ((value: unknown) => boolean) | null {
  const def = check._zod.def as ZodCheck['_zod']['def'] & { check?: string; format?: string; pattern?: RegExp; value?: unknown; inclusive?: boolean; minimum?: number; maximum?: number }
  const length = (value: unknown): number => (value as { length: number }).length
  switch (def.check) {
    case 'max_length':
      return typeof def.maximum === 'number' ? (value) => length(value) <= (def.maximum as number) : null
    case 'min_length':
      // A code point is one or two UTF-16 units: twice the floor in units always clears it.
      return typeof def.minimum === 'number' ? (value) => length(value) >= (def.minimum as number) * 2 : null
    case 'less_than':
      return typeof def.value === 'number' ? (value) => (def.inclusive ? (value as number) <= (def.value as number) : (value as number) < (def.value as number)) : null
    case 'greater_than':
      return typeof def.value === 'number' ? (value) => (def.inclusive ? (value as number) >= (def.value as number) : (value as number) > (def.value as number)) : null
    case 'number_format':
      return def.format === 'safeint' ? (value) => Number.isSafeInteger(value) : null
    case 'string_format':
      if (def.format !== 'regex' || !(def.pattern instanceof RegExp)) return null
      return (value) => {
        const pattern = def.pattern as RegExp
        pattern.lastIndex = 0
        return pattern.test(value as string)
      }
    default:
      return null
  }
}

/** A schema's checks as one predicate: each check's sure pass where it has one, else zod's check. */
function checksOf(checks: readonly ZodCheck[]): (value: unknown) => boolean {
  const each = checks.map((check) => {
    const sure = surePass(check)
    return sure ? (value: unknown) => sure(value) || passesCheck(check, value) : (value: unknown) => passesCheck(check, value)
  })
  return (value) => {
    for (const check of each) if (!check(value)) return false
    return true
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype

interface Field {
  key: string
  check: CanonicalCheck
  optional: boolean
}

function objectCheck(def: Def): CanonicalCheck | null {
  const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type
  if (catchall !== undefined && catchall !== 'never') return null
  const fields: Field[] = []
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const check = canonicalCheck(field)
    if (!check) return null
    fields.push({ key, check, optional: defOf(field).type === 'optional' })
  }
  return (value) => {
    if (!isPlainObject(value)) return false
    // The value's keys in order (for...in: own keys of a plain object, in the order
    // JSON.stringify writes them) must be the shape's, less absent optional ones.
    let at = 0
    for (const key in value) {
      while (at < fields.length && (fields[at] as Field).key !== key) {
        if (!(fields[at] as Field).optional) return false
        at++
      }
      const field = fields[at]
      if (field === undefined || !field.check(value[key])) return false
      at++
    }
    for (; at < fields.length; at++) if (!(fields[at] as Field).optional) return false
    return true
  }
}

function everyItem(items: unknown[], check: CanonicalCheck): boolean {
  for (let index = 0; index < items.length; index++) if (!check(items[index])) return false
  return true
}

function typeCheck(schema: z.ZodType, def: Def): CanonicalCheck | null {
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string'
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return (value) => typeof value === 'boolean'
    case 'null':
      return (value) => value === null
    case 'enum':
    case 'literal': {
      const values = valuesOf(schema)
      return values ? (value) => values.has(value) : null
    }
    case 'nullable': {
      const inner = def.innerType && canonicalCheck(def.innerType)
      return inner ? (value) => value === null || inner(value) : null
    }
    case 'optional': {
      const inner = def.innerType && canonicalCheck(def.innerType)
      return inner ? (value) => value === undefined || inner(value) : null
    }
    case 'nonoptional':
    case 'default': {
      // A default is filled by zod (a changed value): only a value that is there is canonical.
      const inner = def.innerType && canonicalCheck(def.innerType)
      return inner ? (value) => value !== undefined && inner(value) : null
    }
    case 'array': {
      const element = def.element && canonicalCheck(def.element)
      return element ? (value) => Array.isArray(value) && everyItem(value, element) : null
    }
    case 'object':
      return objectCheck(def)
    default:
      return null
  }
}

const compiled = new WeakMap<z.ZodType, CanonicalCheck | null>()

/** The schema's fast check, made once per schema; null when the schema uses something it does not know. */
export function canonicalCheck(schema: z.ZodType): CanonicalCheck | null {
  if (compiled.has(schema)) return compiled.get(schema) ?? null
  const def = defOf(schema)
  const type = typeCheck(schema, def)
  const checks = def.checks ?? []
  const passes = checksOf(checks)
  const check: CanonicalCheck | null = type && (checks.length === 0 ? type : (value) => type(value) && passes(value))
  compiled.set(schema, check)
  return check
}
