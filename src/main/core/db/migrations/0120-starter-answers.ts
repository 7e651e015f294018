import type { Migration } from './index'

/**
 * 0120: what the person answered in the agreements' starter walk-through, per therapist and
 * question, in their words: the "How we keep in touch between sessions" sheet shows them as
 * their draft answers (the agreements recorded from them can differ, and change later).
 * Which question ids exist is the contract's to check: a CHECK here would freeze today's list
 * into every vault made now and refuse questions added later.
 */
export const starterAnswers: Migration = {
  version: 120,
  name: 'starter-answers',
  up(db) {
    db.exec(`
CREATE TABLE starter_answers (
  therapist_id TEXT NOT NULL REFERENCES therapists(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL CHECK (length(question_id) BETWEEN 1 AND 64),
  answer TEXT NOT NULL CHECK (length(answer) BETWEEN 1 AND 2000),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (therapist_id, question_id)
) WITHOUT ROWID;
`)
  },
}
