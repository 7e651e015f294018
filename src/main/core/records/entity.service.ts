import type Database from 'better-sqlite3-multiple-ciphers'
import { newId } from '../ids'
import { CoreError } from '../errors'
import type { Clock, EventSink } from '../ports'
import { deleteRowById, fromRow, insertRow, selectRowById, toRow, updateRow, type TableSpec } from '../db/table.repo'
import { mergeTexts } from './text-merge'

/** What every feature service is built from. */
export interface ServiceContext {
  db(): Database.Database
  /** Called after deletes so deleted text leaves the WAL and the file soon. */
  checkpoint(): void
  clock: Clock
  events: EventSink
  /**
   * A save replaced stored values its editor never showed (another computer's, written by a sync
   * pass while the editor was open): `shown` holds, per column, what the editor showed instead,
   * so sync keeps the replaced values as history (sync-rows.repo.ts `noteShownInstead`).
   */
  replacedUnseen?(db: Database.Database, table: string, id: string | number, shown: Record<string, unknown>): void
}

export interface EntityConfig<Fields extends object, Dto extends { id: string }, ListInput> {
  spec: TableSpec
  /** Tables a write touches, for the renderer's `data.changed`. */
  tables: string[]
  list(db: Database.Database, input: ListInput): Array<Record<string, unknown>>
  /** Fill generated parts of the fields before they are stored (e.g. homework item IDs). */
  prepare?(fields: Partial<Fields>, now: number): Partial<Fields>
  /** Write related rows after the main row (e.g. tags), inside the same transaction. */
  afterWrite?(db: Database.Database, id: string, fields: Partial<Fields>): void
  /** Add related data when reading (e.g. tags). */
  decorate?(db: Database.Database, dto: Dto): Dto
  /** The long text fields: saved with a base, they merge with words stored since (see `sinceBase`). */
  texts?: readonly (keyof Fields & string)[]
}

/** An update; `base` holds the edited fields as the editor loaded (or last saved) them. */
export interface UpdateInput<Fields> {
  id: string
  patch: Partial<Fields>
  base?: Partial<Fields>
}

export interface EntityService<Fields, Dto, ListInput> {
  create(fields: Fields): Dto
  get(input: { id: string }): Dto
  list(input: ListInput): Dto[]
  update(input: UpdateInput<Fields>): Dto
  delete(input: { id: string }): { id: string; deleted: true }
}

const SQLITE_INPUT_ERRORS = new Set([
  'SQLITE_CONSTRAINT_FOREIGNKEY',
  'SQLITE_CONSTRAINT_CHECK',
  'SQLITE_CONSTRAINT_NOTNULL',
])

/** Runs a write in one transaction; a constraint the input broke becomes INVALID_INPUT. */
export function writeTransaction<T>(db: Database.Database, work: () => T): T {
  try {
    return db.transaction(work)()
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && SQLITE_INPUT_ERRORS.has(code)) throw new CoreError('INVALID_INPUT', { cause: error })
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new CoreError('CONFLICT', { cause: error })
    }
    throw error
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * What a save changes when the editor says what it started from: a field still equal to its
 * base was not changed by the person, so the stored value stands (it may be another computer's,
 * written by a sync pass while the editor was open); a long text whose stored value moved on
 * since the base is merged with it, so no word either side wrote is lost. Another field changed
 * both here and in the store since the base: the save wins, and `unseen` names it with what the
 * editor showed, so the value it replaces can be kept as history.
 */
export function sinceBase<Patch extends object>(stored: object, patch: Patch, base: Patch, texts: readonly string[]): { fields: Patch; unseen: Partial<Patch> } {
  const fields: Record<string, unknown> = {}
  const unseen: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(patch)) {
    if (!(field in base)) {
      fields[field] = value
      continue
    }
    const was = (base as Record<string, unknown>)[field]
    const now = (stored as Record<string, unknown>)[field]
    if (same(value, was)) continue
    const merges = texts.includes(field) && typeof value === 'string' && typeof was === 'string' && typeof now === 'string'
    fields[field] = merges ? mergeTexts(was, value, now) : value
    if (!merges && !same(now, was) && !same(now, value)) unseen[field] = was
  }
  return { fields: fields as Patch, unseen: unseen as Partial<Patch> }
}

export function createEntityService<Fields extends object, Dto extends { id: string }, ListInput>(
  ctx: ServiceContext,
  config: EntityConfig<Fields, Dto, ListInput>,
): EntityService<Fields, Dto, ListInput> {
  const { spec } = config
  const read = (db: Database.Database, row: Record<string, unknown>): Dto => {
    const dto = fromRow<Dto>(spec, row)
    return config.decorate ? config.decorate(db, dto) : dto
  }
  const get = (db: Database.Database, id: string): Dto => {
    const row = selectRowById(db, spec, id)
    if (!row) throw new CoreError('NOT_FOUND')
    return read(db, row)
  }
  const changed = () => ctx.events.emit('data.changed', { tables: config.tables })

  return {
    create(fields) {
      const db = ctx.db()
      const now = ctx.clock.now()
      const id = newId(now)
      const prepared = config.prepare ? config.prepare(fields, now) : fields
      const dto = writeTransaction(db, () => {
        insertRow(db, spec, { ...prepared, id, createdAt: now, updatedAt: now })
        config.afterWrite?.(db, id, prepared)
        return get(db, id)
      })
      changed()
      return dto
    },
    get: ({ id }) => get(ctx.db(), id),
    list(input) {
      const db = ctx.db()
      return config.list(db, input).map((row) => read(db, row))
    },
    update({ id, patch, base }) {
      const db = ctx.db()
      const now = ctx.clock.now()
      const result = writeTransaction(db, () => {
        const { fields, unseen } = base ? sinceBase(get(db, id), patch, base, config.texts ?? []) : { fields: patch, unseen: {} }
        // Nothing the person changed since the editor's base: the stored entry stands untouched.
        if (Object.keys(fields).length === 0) return { dto: get(db, id), wrote: false }
        const prepared = config.prepare ? config.prepare(fields, now) : fields
        if (!updateRow(db, spec, id, { ...prepared, updatedAt: now })) throw new CoreError('NOT_FOUND')
        const shown = toRow(spec, unseen)
        if (Object.keys(shown).length > 0) ctx.replacedUnseen?.(db, spec.table, id, shown)
        config.afterWrite?.(db, id, prepared)
        return { dto: get(db, id), wrote: true }
      })
      if (result.wrote) changed()
      return result.dto
    },
    delete({ id }) {
      const db = ctx.db()
      const removed = writeTransaction(db, () => deleteRowById(db, spec, id))
      if (!removed) throw new CoreError('NOT_FOUND')
      ctx.checkpoint()
      changed()
      return { id, deleted: true }
    },
  }
}
