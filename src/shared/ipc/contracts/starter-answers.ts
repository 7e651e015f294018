import { z } from 'zod'
import { STARTER_QUESTIONS, type StarterQuestionId } from '../../domain/rules/starter-questions'
import { idSchema, instantSchema } from '../schemas/common'
import { channel } from './channel'

const questionIds = STARTER_QUESTIONS.map((q) => q.id) as [StarterQuestionId, ...StarterQuestionId[]]

const answerSchema = z.strictObject({
  questionId: z.enum(questionIds),
  /** The answer in words, as the walk-through summed it up (or the person wrote it). */
  answer: z.string().trim().min(1).max(2000),
})

export const starterAnswersSchema = z.strictObject({
  therapistId: idSchema,
  /** In the questions' order; a question not answered is left out. */
  answers: z.array(answerSchema),
  updatedAt: instantSchema.nullable(),
})
export type StarterAnswers = z.infer<typeof starterAnswersSchema>

export const starterAnswersSaveInput = z.strictObject({
  therapistId: idSchema,
  /** Replaces every earlier answer for this therapist; one per question at most. */
  answers: z
    .array(answerSchema)
    .max(STARTER_QUESTIONS.length)
    .refine((list) => new Set(list.map((a) => a.questionId)).size === list.length, { message: 'one answer per question' }),
})

export const starterAnswersContract = {
  'starterAnswers.get': channel(z.strictObject({ therapistId: idSchema }), starterAnswersSchema),
  'starterAnswers.save': channel(starterAnswersSaveInput, starterAnswersSchema),
} as const
