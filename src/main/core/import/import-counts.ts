/** What an import did, per kind of item. */
export interface ImportCounts {
  created: {
    therapists: number
    sessions: number
    reflections: number
    drafts: number
    talkingPoints: number
    contacts: number
    absences: number
    rules: number
    crisisPlan: number
    reminders: number
    /** Thought records, diary card days, check-ins and templates. */
    homework: number
  }
  /** Existing items brought up to date (a moved or cancelled appointment). */
  updated: number
  /** Items already in the vault, or not importable (e.g. all-day events, empty entries). */
  skipped: number
}

export const emptyCounts = (): ImportCounts => ({
  created: { therapists: 0, sessions: 0, reflections: 0, drafts: 0, talkingPoints: 0, contacts: 0, absences: 0, rules: 0, crisisPlan: 0, reminders: 0, homework: 0 },
  updated: 0,
  skipped: 0,
})
