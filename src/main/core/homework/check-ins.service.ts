import type { z } from 'zod'
import { bandFor, QUESTIONNAIRES, totalScore, validAnswers, type Questionnaire } from '../../../shared/domain/homework/questionnaires'
import type { CheckIn, checkInFields, checkInListInput } from '../../../shared/ipc/schemas/homework'
import { CoreError } from '../errors'
import { fromRow, insertRow, selectRowById } from '../db/table.repo'
import { newId } from '../ids'
import { createEntityService, writeTransaction, type ServiceContext } from '../records/entity.service'
import { checkInsTable, latestCheckIn, listCheckIns } from './homework.repo'

type StoredCheckIn = Omit<CheckIn, 'band'>

export const withBand = (stored: StoredCheckIn): CheckIn => ({ ...stored, band: bandFor(stored.questionnaire, stored.score) })

export interface ScoreChange {
  questionnaire: Questionnaire
  latest: CheckIn
  /** The latest check-in before `since`, to compare with (null: none). */
  previous: CheckIn | null
}

/**
 * PHQ-9 and GAD-7 check-ins. The total is computed here as published (the sum of the answers)
 * and stored with them; an answer set of the wrong length is refused before anything is written.
 */
export function createCheckInsService(ctx: ServiceContext) {
  const entity = createEntityService<z.output<typeof checkInFields>, CheckIn, z.output<typeof checkInListInput>>(ctx, {
    spec: checkInsTable,
    tables: ['check_ins'],
    list: listCheckIns,
    decorate: (_db, dto) => withBand(dto),
  })
  const read = (row: Record<string, unknown> | undefined) => (row ? withBand(fromRow<StoredCheckIn>(checkInsTable, row)) : null)

  return {
    get: entity.get,
    list: entity.list,
    delete: entity.delete,
    create(fields: z.output<typeof checkInFields>): CheckIn {
      if (!validAnswers(fields.questionnaire, fields.answers)) throw new CoreError('INVALID_INPUT', { field: 'answers' })
      const db = ctx.db()
      const now = ctx.clock.now()
      const id = newId(now)
      const created = writeTransaction(db, () => {
        insertRow(db, checkInsTable, { ...fields, score: totalScore(fields.answers), id, createdAt: now, updatedAt: now })
        return read(selectRowById(db, checkInsTable, id))
      })
      ctx.events.emit('data.changed', { tables: ['check_ins'] })
      if (!created) throw new CoreError('INTERNAL')
      return created
    },
    /** For each questionnaire taken: the latest check-in, and the latest one before `since`. */
    changesSince(since: number | null): ScoreChange[] {
      const db = ctx.db()
      return QUESTIONNAIRES.flatMap((questionnaire) => {
        const latest = read(latestCheckIn(db, questionnaire, null))
        if (!latest) return []
        const previous = since === null || latest.takenAt < since ? null : read(latestCheckIn(db, questionnaire, since))
        return [{ questionnaire, latest, previous }]
      })
    },
  }
}

export type CheckInsService = ReturnType<typeof createCheckInsService>
