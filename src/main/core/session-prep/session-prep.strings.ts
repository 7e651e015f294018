import type { HomeworkStatus, Priority } from '../../../shared/domain/vocabulary'

/** Every word of the session brief (PDF and Markdown). Calm and plain, like the app. */
export const briefStrings = {
  titleFor: (when: string) => `For my session on ${when}`,
  titleNext: 'For my next session',
  with: (name: string) => `With ${name}`,
  pointsTitle: 'Things I would like to talk about',
  noPoints: 'Nothing written down yet. That is fine: we can start from how the week went.',
  priorities: { high: 'Important', normal: '', low: 'If there is time' } satisfies Record<Priority, string>,
  homeworkTitle: 'From last time',
  homeworkStatuses: { todo: 'Not started', doing: 'In progress', done: 'Done', dropped: 'Set aside' } satisfies Record<
    HomeworkStatus,
    string
  >,
  moodTitle: 'How I have been feeling',
  moodWords: ['very low', 'low', 'okay', 'good', 'very good'] as const,
  moodSummary: (count: number, parts: string[]) =>
    `From ${count} ${count === 1 ? 'reflection' : 'reflections'}: ${parts.join(', ')}.`,
  moodPart: (word: string, times: number) => `${word} ${times === 1 ? 'once' : times === 2 ? 'twice' : `${times} times`}`,
  questionsTitle: 'Still open',
  unanswered: (when: string) => `Asked on ${when}, no reply yet`,
  draft: 'A message I have not sent',
  reviewsTitle: 'Agreements to look at again',
  notesTitle: 'Notes',
  made: (when: string) => `Made with Between on ${when}. Private to me.`,
} as const
