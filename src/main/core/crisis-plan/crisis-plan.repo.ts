import type Database from 'better-sqlite3-multiple-ciphers'
import { prepared } from '../db/table.repo'

/** The crisis plan is its table's one row (migration 0010: CHECK (id = 1)). */
export const CRISIS_PLAN_ROW = 1

export function readCrisisPlan(db: Database.Database): { plan: string; updatedAt: number } | undefined {
  return prepared(db, 'SELECT plan, updated_at AS updatedAt FROM crisis_plan WHERE id = 1').get() as
    | { plan: string; updatedAt: number }
    | undefined
}

export function writeCrisisPlan(db: Database.Database, plan: string, updatedAt: number): void {
  prepared(
    db,
    'INSERT INTO crisis_plan (id, plan, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at',
  ).run(plan, updatedAt)
}
