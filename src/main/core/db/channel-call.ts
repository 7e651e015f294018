/**
 * One channel call as one unit of work. dispatch runs a handler over the records and its output
 * check inside a savepoint: when the check fails (or the handler throws) after a write, the write
 * is rolled back, so "Nothing was changed" is only ever said when it is true. The call also learns
 * whether it wrote anything (a read may leave out rows it cannot represent; a write may not).
 *
 * A handler over the records that must wait (a dialog, a job) is split in two: its asynchronous
 * part writes nothing (a write before its first wait is rolled back and refused) and ends with
 * `commitWith(write)`; dispatch runs that synchronous write in a savepoint of its own with the
 * output check. A handler that works on files, keys, preferences or jobs, or runs its own
 * transactions in slices, is declared with `outsideCall` and runs without a savepoint.
 *
 * Checkpoints asked for inside a call (after deletes) run once the call has committed: a
 * checkpoint inside an open transaction could not move the call's own frames.
 */
import type Database from 'better-sqlite3-multiple-ciphers'

export interface CallVault {
  status(): 'none' | 'locked' | 'unlocked'
  db(): Database.Database
  checkpoint(): void
}

export interface ChannelCalls {
  /**
   * Runs `work` in a savepoint when the vault is open and no transaction is under way. `check`
   * gets whether the call wrote; returning false (or throwing) rolls the call back. A `work`
   * that returns a promise is the first part of a split handler: it may not have written (it is
   * rolled back and refused if it did); its result is checked when its commit runs.
   */
  run<T>(work: () => T, check: (value: T, wrote: boolean) => boolean): T
  /** The checkpoint services ask for after deletes, deferred to the end of a call. */
  checkpoint(): void
}

const SAVEPOINT = 'channel_call'

const totalChanges = (db: Database.Database): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n

const isPromise = (value: unknown): boolean => typeof (value as { then?: unknown } | null)?.then === 'function'

export function createChannelCalls(vault: CallVault): ChannelCalls {
  let depth = 0
  let checkpointDue = false

  const settle = (): void => {
    if (depth > 0 || !checkpointDue) return
    checkpointDue = false
    if (vault.status() === 'unlocked') vault.checkpoint()
  }

  const end = (db: Database.Database, commit: boolean): void => {
    depth--
    if (db.open && db.inTransaction) {
      if (!commit) db.exec(`ROLLBACK TO ${SAVEPOINT}`)
      db.exec(`RELEASE ${SAVEPOINT}`)
    }
    if (!commit) checkpointDue = false
    settle()
  }

  return {
    run(work, check) {
      const db = vault.status() === 'unlocked' ? vault.db() : null
      if (db === null || db.inTransaction) {
        const value = work()
        if (!isPromise(value) && !check(value, true)) throw new OutputRejected()
        return value
      }
      const before = totalChanges(db)
      db.exec(`SAVEPOINT ${SAVEPOINT}`)
      depth++
      let value: ReturnType<typeof work>
      try {
        value = work()
        const wrote = !db.open || totalChanges(db) !== before
        if (isPromise(value)) {
          if (wrote) {
            void (value as Promise<unknown>).catch(() => undefined) // refused below; its rejection has no one to reach
            throw new OutputRejected()
          }
        } else if (!check(value, wrote)) throw new OutputRejected()
      } catch (error) {
        end(db, false)
        throw error
      }
      end(db, true)
      return value
    },
    checkpoint() {
      if (depth > 0) checkpointDue = true
      else vault.checkpoint()
    },
  }
}

/** Thrown when a call's output broke the contract; dispatch answers INTERNAL (the call was undone). */
export class OutputRejected extends Error {
  constructor() {
    super('output rejected')
    this.name = 'OutputRejected'
  }
}

const COMMIT = Symbol('commit')

/** The synchronous write a split handler ends with (see the top of this file). */
export interface Commit<T> {
  readonly [COMMIT]: () => T
}

export const commitWith = <T>(write: () => T): Commit<T> => ({ [COMMIT]: write })

export const isCommit = (value: unknown): value is Commit<unknown> => typeof value === 'object' && value !== null && COMMIT in value

export const runCommit = <T>(commit: Commit<T>): T => commit[COMMIT]()

const OUTSIDE = Symbol('outside the call savepoint')

type AnyHandler = (input: never) => unknown

/**
 * Declares a handler that works on files, keys, preferences or jobs, or runs its own transactions
 * in slices, rather than one unit of work over the records: dispatch runs it without a savepoint.
 */
export function outsideCall<F extends AnyHandler>(handler: F): F {
  return Object.assign((input: never) => handler(input), { [OUTSIDE]: true }) as unknown as F
}

/** outsideCall for every handler of a slice. */
export const outsideCalls = <S extends Record<string, AnyHandler>>(slice: S): S =>
  Object.fromEntries(Object.entries(slice).map(([channel, handler]) => [channel, outsideCall(handler)])) as S

export const runsOutsideCall = (handler: unknown): boolean => typeof handler === 'function' && OUTSIDE in handler
