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

/** Zod's own checks on a value (as its runChecks does); true when none reports an issue and none rewrote the value. */
function passesChecks(checks: readonly ZodCheck[], value: unknown): boolean {
  payload.value = value
  try {
    for (const check of checks) {
      const when = check._zod.def.when
      if (when && !when(payload)) continue
      if (check._zod.check(payload) instanceof Promise || payload.issues.length > 0 || payload.value !== value) return false
    }
    return true
  } finally {
    payload.value = undefined
    payload.issues.length = 0
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype

function objectCheck(def: Def): CanonicalCheck | null {
  const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type
  if (catchall !== undefined && catchall !== 'never') return null
  const fields: Array<{ key: string; check: CanonicalCheck; optional: boolean }> = []
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const check = canonicalCheck(field)
    if (!check) return null
    fields.push({ key, check, optional: defOf(field).type === 'optional' })
  }
  return (value) => {
    if (!isPlainObject(value)) return false
    const keys = Object.keys(value)
    let at = 0
    for (const field of fields) {
      if (keys[at] === field.key) {
        at++
        if (!field.check(value[field.key])) return false
      } else if (!field.optional || Object.hasOwn(value, field.key)) return false
    }
    return at === keys.length
  }
}

/** Every index, holes included (zod reads a hole as undefined; `every` would skip it). */
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
  const check: CanonicalCheck | null = type && (checks.length === 0 ? type : (value) => type(value) && passesChecks(checks, value))
  compiled.set(schema, check)
  return check
}
