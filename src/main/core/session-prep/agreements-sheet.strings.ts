/** Every word of the "How we keep in touch between sessions" sheet (PDF and Markdown). */
export const sheetStrings = {
  title: 'How we keep in touch between sessions',
  with: (name: string) => `With ${name}`,
  intro:
    'A page to talk through together. The questions many people agree on, what I have written down so far, and room for what we decide.',
  mine: 'What I have written down so far',
  nothingYet: 'Nothing yet.',
  agreed: 'What we have agreed so far',
  ours: 'What we agree',
  reviewsTitle: 'Agreements to look at again',
  reviewNote: (when: string) => `Planned to look at again by ${when}`,
  made: (when: string) => `Made with Between on ${when}. Private to me.`,
} as const
