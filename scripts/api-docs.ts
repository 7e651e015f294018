/**
 * Renders docs/api.md from the contract, so the document cannot drift from the code:
 * `npm run docs:api` writes it, and a test fails when it is out of date.
 */
import { z } from 'zod'
import { contract, type Channel } from '../src/shared/ipc/contract'
import { WORKS_WHILE_LOCKED } from '../src/shared/ipc/works-while-locked'

type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  enum?: unknown[]
  const?: unknown
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  default?: unknown
  additionalProperties?: boolean | Schema
  $ref?: string
}

function render(schema: Schema, indent: string): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
  const union = schema.anyOf ?? schema.oneOf
  if (union) return union.map((s) => render(s, indent)).join(' | ')
  if (schema.allOf) return schema.allOf.map((s) => render(s, indent)).join(' & ')
  if (Array.isArray(schema.type)) return schema.type.join(' | ')
  switch (schema.type) {
    case 'object': {
      const props = Object.entries(schema.properties ?? {})
      if (props.length === 0) return '{}'
      const inner = `${indent}  `
      const lines = props.map(([key, value]) => {
        const optional = !(schema.required ?? []).includes(key) || value.default !== undefined
        const fallback = value.default !== undefined ? ` (default ${JSON.stringify(value.default)})` : ''
        return `${inner}${key}${optional ? '?' : ''}: ${render(value, inner)}${fallback}`
      })
      return `{\n${lines.join('\n')}\n${indent}}`
    }
    case 'array':
      return `Array<${schema.items ? render(schema.items, indent) : 'unknown'}>`
    case 'integer':
      return 'integer'
    case undefined:
      return 'unknown'
    default:
      return schema.type
  }
}

const toSchema = (type: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(type, { io, unrepresentable: 'any', reused: 'inline' }) as Schema

export function renderApiDocs(): string {
  const domains = new Map<string, Channel[]>()
  for (const channel of Object.keys(contract) as Channel[]) {
    const domain = channel.split('.')[0] as string
    domains.set(domain, [...(domains.get(domain) ?? []), channel])
  }
  const parts = [
    '# Between IPC API',
    '',
    'Generated from `src/shared/ipc/contract.ts` by `npm run docs:api`; do not edit by hand.',
    '',
    'Every call is `window.bridge.invoke(channel, input)` with one object argument and resolves to',
    '`{ ok: true, value }` or `{ ok: false, error: { code, message, field? } }`. Invalid input is',
    '`INVALID_INPUT` with `field` naming the first offending field, and writes nothing. Times are',
    'epoch milliseconds (UTC); IDs are UUIDv7 strings.',
    '',
    `While the vault is locked, only these channels answer: ${[...WORKS_WHILE_LOCKED].map((c) => `\`${c}\``).join(', ')}.`,
    'Every other channel answers `VAULT_LOCKED` (after any check of the input itself).',
    '',
    'Every instant the person enters or imports lies between 1 January 1900 and 31 December 2199',
    '(UTC); anything outside is `INVALID_INPUT` (or `INVALID_IMPORT` naming the entry) and writes',
    'nothing. A second process or core on the same vault folder gets `VAULT_IN_USE`.',
    '',
    'Reads never fail whole because of one row they cannot represent (damaged, or written by another',
    'tool): they leave it out, `timeline.page`, `search.query` and `mood.trend` count such rows in',
    '`skipped`, and `repair.list` shows them. Text is stored as UTF-8: a lone UTF-16 surrogate in',
    'free text becomes U+FFFD, the same in every answer; a new passphrase holding one is refused.',
    '',
    'An error that says "Nothing was changed" means it: a call over the records runs, with the check',
    'of its answer, in one transaction that the error rolls back (one that waits for a dialog or a job',
    'writes only at its end, in that transaction). A link to a deleted record (a dangling foreign key)',
    'is not damage: `backup.test` counts such rows in `danglingReferences` and `repair.list` shows them.',
    '',
  ]
  for (const [domain, channels] of domains) {
    parts.push(`## ${domain}`, '')
    for (const channel of channels) {
      const spec = contract[channel]
      parts.push(`### \`${channel}\``, '', 'Input:', '', '```ts', render(toSchema(spec.input, 'input'), ''), '```', '')
      parts.push('Output:', '', '```ts', render(toSchema(spec.output, 'output'), ''), '```', '')
    }
  }
  return `${parts.join('\n').trimEnd()}\n`
}
