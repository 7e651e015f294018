/** Words for the note on an entry whose value lost to an edit on another computer. */
export const entryHistoryStrings = {
  alsoEdited: (when: string) => `Also edited on the other computer at ${when}.`,
  show: 'Show',
  hide: 'Hide',
  listLabel: 'Values kept from the other computer',
  keptAt: (when: string) => `kept from ${when}`,
  empty: '(empty)',
  fields: {
    body: 'Words',
    mood: 'Mood',
    notes: 'Notes',
    takeaways: 'Takeaways',
    status: 'Status',
    starts_at: 'Start',
    duration_minutes: 'Length',
    format: 'Format',
    mood_before: 'Mood before',
    mood_after: 'Mood after',
    session_id: 'Linked session',
    bring_to_session: 'Bring to session',
  } as Record<string, string>,
  otherField: 'Another detail',
} as const
