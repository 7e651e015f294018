/**
 * fast-check arbitraries generated from the contract's zod schemas: `validInput` aims at inputs
 * the schema accepts (refinements it cannot see are filtered by the caller with safeParse),
 * `mutatedInput` breaks one part of a valid one, and `hostileInput` is anything at all.
 */
import fc from 'fast-check'
import type { z } from 'zod'

type Def = { type: string; [key: string]: unknown }
type Schema = z.ZodType & { _zod: { def: Def }; minValue?: number | null; maxValue?: number | null; isInt?: boolean; minLength?: number | null; maxLength?: number | null }

const ZONES = ['UTC', 'Europe/London', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Etc/GMT+12']
const DATES = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) - 1 })

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const checks = ((schema._zod.def.checks as Array<{ _zod: { def: { format?: string; pattern?: RegExp } } }> | undefined) ?? []).map((c) => c._zod.def)
  const pattern = checks.find((c) => c.pattern instanceof RegExp)?.pattern
  if (pattern) return fc.stringMatching(pattern)
  if (checks.some((c) => c.format === 'datetime')) return DATES.map((ms) => new Date(ms).toISOString())
  const min = schema.minLength ?? 0
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40))
  return fc.oneof(fc.constantFrom(...ZONES).filter((z) => z.length >= min && z.length <= max), fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }))
}

function numberArbitrary(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minValue ?? -1e6
  const max = schema.maxValue ?? 1e6
  if (schema.isInt) {
    const lo = Math.max(min, Number.MIN_SAFE_INTEGER)
    const hi = Math.min(max, Number.MAX_SAFE_INTEGER)
    const anywhere = fc.double({ min: lo, max: hi, noNaN: true }).map((x) => Math.min(hi, Math.max(lo, Math.round(x))) || 0)
    return fc.oneof(anywhere, fc.constantFrom(lo, hi))
  }
  return fc.double({ min: Math.max(min, -1e12), max: Math.min(max, 1e12), noNaN: true })
}

export function validInput(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const s = schema as Schema
  const def = s._zod.def
  switch (def.type) {
    case 'string':
      return stringArbitrary(s)
    case 'number':
      return numberArbitrary(s)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>))
    case 'optional':
      return fc.option(validInput(def.innerType as z.ZodType, depth), { nil: undefined })
    case 'nullable':
      return fc.option(validInput(def.innerType as z.ZodType, depth), { nil: null })
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return fc.option(validInput(def.innerType as z.ZodType, depth), { nil: undefined })
    case 'pipe':
      return validInput(def.in as z.ZodType, depth)
    case 'array': {
      // Honour the schema's own bounds (a questionnaire wants 7 to 9 answers), kept small.
      const bound = (check: string) =>
        ((def.checks ?? []) as Array<{ _zod: { def: { check: string; minimum?: number; maximum?: number } } }>).map((c) => c._zod.def).find((c) => c.check === check)
      const minLength = bound('min_length')?.minimum ?? 0
      const maxLength = Math.max(minLength, Math.min(bound('max_length')?.maximum ?? Infinity, depth > 2 ? 1 : 4))
      return fc.array(validInput(def.element as z.ZodType, depth + 1), { minLength, maxLength })
    }
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => validInput(option, depth)))
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>
      const entries = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, validInput(field, depth + 1)]))
      return fc.record(entries).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)))
    }
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), validInput(def.valueType as z.ZodType, depth + 1), { maxKeys: 3 })
    default:
      return fc.anything()
  }
}

/** Values that often slip past loose checks. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, '', ' ', '\uD800', '\u0000', 'a'.repeat(5000), -1, 0, 1.5, -0, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53), [], {}, [null], { __proto__: null }),
  fc.constantFrom(Date.UTC(1899, 11, 31), Date.UTC(2200, 0, 1), -62_135_596_800_000, 8.64e15, '2200-01-01T00:00:00Z', '../../etc/passwd', 'x\'; DROP TABLE reflections; --'),
  fc.anything({ maxDepth: 2 }),
)

/** A valid input with one field replaced by a hostile value (or removed, or one unknown key added). */
export function mutatedInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.tuple(validInput(schema), hostileValue, fc.nat(), fc.constantFrom('replace', 'remove', 'extra')).map(([input, value, pick, how]) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return value
    const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) }
    const keys = Object.keys(copy)
    const key = keys.length > 0 ? (keys[pick % keys.length] as string) : 'extra'
    if (how === 'remove') delete copy[key]
    else if (how === 'extra') copy[`extra${pick % 3}`] = value
    else copy[key] = value
    return copy
  })
}

export const hostileInput: fc.Arbitrary<unknown> = hostileValue
