/**
 * The fixed lists behind the homework tools: thinking traps, the four DBT skill modules, and the
 * diary card's usual starting rows. Words for people live in the renderer's strings; these are
 * the stable keys stored in the vault.
 */
export const THINKING_TRAPS = [
  'all_or_nothing',
  'catastrophising',
  'mind_reading',
  'fortune_telling',
  'overgeneralising',
  'mental_filter',
  'discounting_positives',
  'should_statements',
  'labelling',
  'personalising',
  'emotional_reasoning',
  'blaming',
] as const
export type ThinkingTrap = (typeof THINKING_TRAPS)[number]

export const SKILL_MODULES = ['mindfulness', 'distress_tolerance', 'emotion_regulation', 'interpersonal_effectiveness'] as const
export type SkillModule = (typeof SKILL_MODULES)[number]

export const CHECK_IN_CADENCES = ['off', 'every_session', 'weekly', 'fortnightly'] as const
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number]

/** Ratings on the diary card run from 0 (none) to 5 (the most). */
export const DIARY_RATING_MAX = 5

/** A diary card as most DBT programmes hand it out, before the person makes it their own. */
export const DEFAULT_DIARY_SETUP = {
  emotions: ['Sadness', 'Anger', 'Fear', 'Shame', 'Joy'],
  urges: ['Self-harm', 'Substances', 'Quitting therapy'],
  behaviours: ['Self-harm', 'Substance use'],
  skills: {
    mindfulness: ['Wise mind', 'Observe', 'Describe', 'Participate'],
    distress_tolerance: ['TIPP', 'STOP', 'Distract', 'Self-soothe', 'Pros and cons', 'Radical acceptance'],
    emotion_regulation: ['Check the facts', 'Opposite action', 'PLEASE', 'Build mastery'],
    interpersonal_effectiveness: ['DEAR MAN', 'GIVE', 'FAST'],
  },
} as const satisfies {
  emotions: readonly string[]
  urges: readonly string[]
  behaviours: readonly string[]
  skills: Record<SkillModule, readonly string[]>
}
