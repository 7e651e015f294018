import { STARTER_QUESTIONS } from '../../../../shared/domain/rules/starter-questions'
import type { Migration } from './index'

const QUESTION_IDS = STARTER_QUESTIONS.map((q) => `'${q.id}'`).join(', ')

/**
 * 0120: what the person answered in the agreements' starter walk-through, per therapist and
 * question, in their words: the "How we keep in touch between sessions" sheet shows them as
 * their draft answers (the agreements recorded from them can differ, and change later).
 */
export const starterAnswers: Migration = {
  version: 120,
  name: 'starter-answers',
  up(db) {
    db.exec(`
CREATE TABLE starter_answers (
  therapist_id TEXT NOT NULL REFERENCES therapists(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL CHECK (question_id IN (${QUESTION_IDS})),
  answer TEXT NOT NULL CHECK (length(answer) BETWEEN 1 AND 2000),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (therapist_id, question_id)
) WITHOUT ROWID;
`)
  },
}
