import type Database from 'better-sqlite3-multiple-ciphers'

/** How a DTO field is stored: text and integers as they are, booleans as 0/1, arrays as JSON. */
export type Codec = 'plain' | 'bool' | 'json'

export interface TableSpec {
  table: string
  /** DTO field -> [column, codec]. Must include id, createdAt, updatedAt. */
  fields: Record<string, readonly [column: string, codec: Codec]>
}

type Row = Record<string, unknown>

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** Prepared statements are reused per connection: preparing is a large share of a small write. */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db)
  if (!cache) {
    cache = new Map()
    statementCache.set(db, cache)
  }
  let statement = cache.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    cache.set(sql, statement)
  }
  return statement
}

const encode = (codec: Codec, value: unknown): unknown => {
  if (value === undefined) return undefined
  if (codec === 'bool') return value ? 1 : 0
  if (codec === 'json') return JSON.stringify(value)
  return value
}

/**
 * Stands in for a stored value that cannot be decoded (damaged JSON): the row then fails the
 * contract's output check, and a list leaves it out instead of failing whole.
 */
export const UNREADABLE_VALUE = Object.freeze({ unreadable: true })

/** A stored JSON column, or UNREADABLE_VALUE when it is damaged. */
export function parseStoredJson(value: unknown): unknown {
  try {
    return JSON.parse(value as string)
  } catch {
    return UNREADABLE_VALUE
  }
}

const decode = (codec: Codec, value: unknown): unknown => {
  if (codec === 'bool') return value === 1
  if (codec === 'json') return parseStoredJson(value)
  return value
}

export function toRow(spec: TableSpec, dto: Record<string, unknown>): Row {
  const row: Row = {}
  for (const [field, [column, codec]] of Object.entries(spec.fields)) {
    const value = encode(codec, dto[field])
    if (value !== undefined) row[column] = value
  }
  return row
}

const fieldLists = new WeakMap<TableSpec, ReadonlyArray<readonly [field: string, column: string, codec: Codec]>>()

/** A spec's fields as a flat list, made once per spec: reads decode every row through it. */
function fieldsOf(spec: TableSpec): ReadonlyArray<readonly [field: string, column: string, codec: Codec]> {
  let fields = fieldLists.get(spec)
  if (!fields) {
    fields = Object.entries(spec.fields).map(([field, [column, codec]]) => [field, column, codec] as const)
    fieldLists.set(spec, fields)
  }
  return fields
}

export function fromRow<T>(spec: TableSpec, row: Row): T {
  const dto: Row = {}
  for (const [field, column, codec] of fieldsOf(spec)) dto[field] = decode(codec, row[column])
  return dto as T
}

/**
 * Decodes rows read with `.raw()` (arrays in the order of `columns`, what the statement's
 * `columns()` names) into DTOs, made once per statement: a large read then makes one object per
 * row. `keys` orders the DTO's fields (a field the table does not hold is left undefined, its
 * place kept for the caller to fill); without it, the spec's order, as fromRow gives.
 */
export function rawRowDecoder<T>(spec: TableSpec, columns: readonly string[], keys?: readonly string[]): (row: readonly unknown[]) => T {
  const byField = new Map(fieldsOf(spec).map(([field, column, codec]) => [field, [columns.indexOf(column), codec] as const]))
  const order = keys ?? [...byField.keys()]
  const fields = [...order, ...[...byField.keys()].filter((field) => !order.includes(field))].map((field) => [field, ...(byField.get(field) ?? [-1, 'plain'])] as const)
  return (row) => {
    const dto: Row = {}
    for (const [field, index, codec] of fields) dto[field] = index < 0 ? undefined : decode(codec, row[index])
    return dto as T
  }
}

export function insertRow(db: Database.Database, spec: TableSpec, dto: Record<string, unknown>): void {
  const row = toRow(spec, dto)
  const columns = Object.keys(row)
  const sql = `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`
  prepared(db, sql).run(row)
}

/** Updates the given fields; returns false when no row has that id. */
export function updateRow(db: Database.Database, spec: TableSpec, id: string, fields: Record<string, unknown>): boolean {
  const row = toRow(spec, fields)
  delete row.id
  const columns = Object.keys(row)
  if (columns.length === 0) return selectRowById(db, spec, id) !== undefined
  const sql = `UPDATE ${spec.table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`
  return prepared(db, sql).run({ ...row, __id: id }).changes === 1
}

export function selectRowById(db: Database.Database, spec: TableSpec, id: string): Row | undefined {
  return prepared(db, `SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as Row | undefined
}

export function deleteRowById(db: Database.Database, spec: TableSpec, id: string): boolean {
  return prepared(db, `DELETE FROM ${spec.table} WHERE id = ?`).run(id).changes === 1
}

/** A filtered, ordered list. `where` holds only column names and placeholders written by us. */
export function selectRows(
  db: Database.Database,
  spec: TableSpec,
  query: { where?: string[]; params?: Row; orderBy: string; limit?: number },
): Row[] {
  const where = query.where && query.where.length > 0 ? ` WHERE ${query.where.join(' AND ')}` : ''
  const limit = query.limit === undefined ? '' : ' LIMIT @__limit'
  const sql = `SELECT * FROM ${spec.table}${where} ORDER BY ${query.orderBy}${limit}`
  return prepared(db, sql).all({ ...query.params, ...(query.limit === undefined ? {} : { __limit: query.limit }) }) as Row[]
}
