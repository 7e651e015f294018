import type { Migration } from './index'

/** 0080: a therapist's pronouns, as the person writes them ('she/her', 'they'); empty when not given. */
export const therapistPronouns: Migration = {
  version: 80,
  name: 'therapist-pronouns',
  up(db) {
    db.exec("ALTER TABLE therapists ADD COLUMN pronouns TEXT NOT NULL DEFAULT ''")
  },
}
