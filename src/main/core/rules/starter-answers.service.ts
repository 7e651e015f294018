import type { z } from 'zod'
import { STARTER_QUESTIONS } from '../../../shared/domain/rules/starter-questions'
import type { starterAnswersSaveInput, StarterAnswers } from '../../../shared/ipc/contracts/starter-answers'
import type { ServiceContext } from '../records/entity.service'
import type { createTherapistsService } from '../therapists/therapists.service'
import { readStarterAnswers, replaceStarterAnswers } from './starter-answers.repo'

const ORDER = new Map<string, number>(STARTER_QUESTIONS.map((q, i) => [q.id, i]))

/** What the person answered in the starter walk-through, per therapist (the sheet shows it). */
export function createStarterAnswersService(ctx: ServiceContext, deps: { therapists: ReturnType<typeof createTherapistsService> }) {
  const get = (input: { therapistId: string }): StarterAnswers => {
    deps.therapists.get({ id: input.therapistId }) // NOT_FOUND for a therapist that is not there
    const rows = readStarterAnswers(ctx.db(), input.therapistId).sort((a, b) => (ORDER.get(a.questionId) ?? 0) - (ORDER.get(b.questionId) ?? 0))
    return {
      therapistId: input.therapistId,
      answers: rows.map((r) => ({ questionId: r.questionId, answer: r.answer })),
      updatedAt: rows.reduce<number | null>((at, r) => (at === null || r.updatedAt > at ? r.updatedAt : at), null),
    }
  }
  return {
    get,
    save(input: z.output<typeof starterAnswersSaveInput>): StarterAnswers {
      deps.therapists.get({ id: input.therapistId })
      const db = ctx.db()
      db.transaction(() => replaceStarterAnswers(db, input.therapistId, input.answers, ctx.clock.now()))()
      ctx.events.emit('data.changed', { tables: ['starter_answers'] })
      return get(input)
    },
  }
}
