/**
 * The output check, with one rule for read paths: one bad row never takes down a list. When a
 * list (an array output, or an array field of an object output such as a page's `items`) holds
 * an element that breaks the contract (a row this version cannot represent: a damaged value, a
 * date outside the valid range written by another tool), that element is left out and counted;
 * an object output with a `skipped` count says how many. Settings → Repair lists such rows.
 */
import { z } from 'zod'

export type CheckedOutput = { ok: true; value: unknown; skipped: number } | { ok: false }

const keepReadable = (element: z.ZodType, items: unknown[]): { kept: unknown[]; skipped: number } => {
  const kept: unknown[] = []
  for (const item of items) {
    const parsed = element.safeParse(item)
    if (parsed.success) kept.push(parsed.data)
  }
  return { kept, skipped: items.length - kept.length }
}

export function checkOutput(schema: z.ZodType, value: unknown): CheckedOutput {
  const first = schema.safeParse(value)
  if (first.success) return { ok: true, value: first.data, skipped: 0 }
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    const { kept, skipped } = keepReadable(schema.element as z.ZodType, value)
    return { ok: true, value: kept, skipped }
  }
  if (!(schema instanceof z.ZodObject) || typeof value !== 'object' || value === null) return { ok: false }
  const shape = schema.shape as Record<string, z.ZodType>
  const patched: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  let skipped = 0
  for (const [key, field] of Object.entries(shape)) {
    const items = patched[key]
    if (!(field instanceof z.ZodArray) || !Array.isArray(items)) continue
    const result = keepReadable(field.element as z.ZodType, items)
    patched[key] = result.kept
    skipped += result.skipped
  }
  if (skipped === 0) return { ok: false }
  if ('skipped' in shape) patched.skipped = (typeof patched.skipped === 'number' ? patched.skipped : 0) + skipped
  const second = schema.safeParse(patched)
  return second.success ? { ok: true, value: second.data, skipped } : { ok: false }
}
