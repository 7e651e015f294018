/**
 * An input as plain data, whatever object the caller sent: what Electron's IPC copy would have
 * delivered (plain objects, arrays, strings, finite or non-finite numbers, booleans, null), with
 * keys whose value is `undefined` left out (Electron sends `{ key: undefined }` as it is, and an
 * absent optional field means the same). Getters that throw, proxies, functions, symbols, class
 * instances and cycles give `null` (the caller answers INVALID_INPUT): nothing here throws.
 */
const MAX_DEPTH = 64

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain }

const NOT_PLAIN = Symbol('not plain')

function copy(value: unknown, depth: number, seen: Set<object>): Plain | undefined | typeof NOT_PLAIN {
  if (value === undefined) return undefined
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value
  if (typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value)) return NOT_PLAIN
  seen.add(value)
  try {
    if (Array.isArray(value)) {
      const out: Plain[] = []
      for (let i = 0; i < value.length; i++) {
        const item = copy(value[i], depth + 1, seen)
        if (item === NOT_PLAIN) return NOT_PLAIN
        out.push(item === undefined ? null : item)
      }
      return out
    }
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) return NOT_PLAIN
    const out: { [key: string]: Plain } = {}
    for (const key of Object.keys(value)) {
      const item = copy((value as Record<string, unknown>)[key], depth + 1, seen)
      if (item === NOT_PLAIN) return NOT_PLAIN
      if (item !== undefined) Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true })
    }
    return out
  } finally {
    seen.delete(value)
  }
}

/** The input as plain data; `{ ok: false }` when it is not plain data (see above). */
export function plainInput(value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    const result = copy(value, 0, new Set())
    return result === NOT_PLAIN ? { ok: false } : { ok: true, value: result }
  } catch {
    return { ok: false }
  }
}
