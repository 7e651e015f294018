import type { RuleKind } from './rule-kinds'

/**
 * The six common questions people agree on with their therapist: asked by the agreements
 * screen's starter walk-through and printed on the "How we keep in touch" sheet. `kinds`: the
 * agreements that answer the question.
 */
export const STARTER_QUESTIONS = [
  { id: 'buffer', title: 'How soon after a session is it okay to get in touch?', kinds: ['buffer_after_session'] },
  { id: 'hours', title: 'Which days and hours are for contact?', kinds: ['contact_hours'] },
  { id: 'channels', title: 'Which way for what?', kinds: ['channel_for_purpose'] },
  { id: 'urgent', title: 'What counts as urgent?', kinds: [] },
  { id: 'reply', title: 'How soon do they usually reply?', kinds: ['response_expectation'] },
  { id: 'away', title: 'What to do when they are away?', kinds: ['therapist_away'] },
] as const satisfies ReadonlyArray<{ id: string; title: string; kinds: readonly RuleKind[] }>

export type StarterQuestionId = (typeof STARTER_QUESTIONS)[number]['id']

export const starterQuestionTitle = (id: StarterQuestionId): string => STARTER_QUESTIONS.find((q) => q.id === id)?.title ?? ''
