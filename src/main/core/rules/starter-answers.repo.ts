import type Database from 'better-sqlite3-multiple-ciphers'
import type { StarterQuestionId } from '../../../shared/domain/rules/starter-questions'
import { prepared } from '../db/table.repo'

export interface StoredStarterAnswer {
  questionId: StarterQuestionId
  answer: string
  updatedAt: number
}

export function readStarterAnswers(db: Database.Database, therapistId: string): StoredStarterAnswer[] {
  return prepared(
    db,
    'SELECT question_id AS questionId, answer, updated_at AS updatedAt FROM starter_answers WHERE therapist_id = ?',
  ).all(therapistId) as StoredStarterAnswer[]
}

/** The therapist's answers become exactly `answers` (a question left out is cleared). */
export function replaceStarterAnswers(
  db: Database.Database,
  therapistId: string,
  answers: ReadonlyArray<{ questionId: StarterQuestionId; answer: string }>,
  updatedAt: number,
): void {
  prepared(db, 'DELETE FROM starter_answers WHERE therapist_id = ?').run(therapistId)
  const insert = prepared(db, 'INSERT INTO starter_answers (therapist_id, question_id, answer, updated_at) VALUES (?, ?, ?, ?)')
  for (const a of answers) insert.run(therapistId, a.questionId, a.answer, updatedAt)
}
