/**
 * PHQ-9 and GAD-7 as published: the items, the four answers scored 0–3, the total and the
 * published severity bands. Pure; shared by the core (brief, export) and the check-in screen.
 *
 * Source: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9. J Gen Intern Med 2001;16:606–613.
 * Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety
 * disorder: the GAD-7. Arch Intern Med 2006;166:1092–1097.
 */
export const QUESTIONNAIRES = ['phq9', 'gad7'] as const
export type Questionnaire = (typeof QUESTIONNAIRES)[number]

/** The published copyright line, shown with every questionnaire and in the docs. */
export const QUESTIONNAIRE_COPYRIGHT =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.'

export const ANSWERS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] as const
export const ANSWER_MAX = ANSWERS.length - 1

export const BANDS = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'] as const
export type Band = (typeof BANDS)[number]
/** The bands' names as the published scoring guides give them (shown in the app and in exports). */
export const BAND_NAMES = {
  minimal: 'minimal',
  mild: 'mild',
  moderate: 'moderate',
  moderately_severe: 'moderately severe',
  severe: 'severe',
} as const satisfies Record<Band, string>

export interface QuestionnaireDefinition {
  id: Questionnaire
  name: string
  stem: string
  items: readonly string[]
  /** Highest possible total. */
  max: number
  /** Lowest total of each band, in order; the band runs up to the next one's lowest total − 1. */
  bands: ReadonlyArray<readonly [lowest: number, band: Band]>
  source: string
}

const STEM = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?'

export const PHQ9: QuestionnaireDefinition = {
  id: 'phq9',
  name: 'PHQ-9',
  stem: STEM,
  items: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ],
  max: 27,
  bands: [
    [0, 'minimal'],
    [5, 'mild'],
    [10, 'moderate'],
    [15, 'moderately_severe'],
    [20, 'severe'],
  ],
  source: 'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606–613.',
}

export const GAD7: QuestionnaireDefinition = {
  id: 'gad7',
  name: 'GAD-7',
  stem: STEM,
  items: [
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ],
  max: 21,
  bands: [
    [0, 'minimal'],
    [5, 'mild'],
    [10, 'moderate'],
    [15, 'severe'],
  ],
  source:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097.',
}

export const DEFINITIONS: Readonly<Record<Questionnaire, QuestionnaireDefinition>> = { phq9: PHQ9, gad7: GAD7 }

/** PHQ-9's ninth item (index 8): thoughts of being better off dead or of self-harm. */
export const PHQ9_SAFETY_ITEM = 8

/** Are these answers a complete, valid set for the questionnaire (one 0–3 per item)? */
export function validAnswers(questionnaire: Questionnaire, answers: readonly number[]): boolean {
  return (
    answers.length === DEFINITIONS[questionnaire].items.length &&
    answers.every((a) => Number.isInteger(a) && a >= 0 && a <= ANSWER_MAX)
  )
}

/** The published total: the sum of the item answers. */
export function totalScore(answers: readonly number[]): number {
  return answers.reduce((sum, a) => sum + a, 0)
}

/** The published severity band for a total. */
export function bandFor(questionnaire: Questionnaire, total: number): Band {
  const definition = DEFINITIONS[questionnaire]
  if (!Number.isInteger(total) || total < 0 || total > definition.max) throw new RangeError('total out of range')
  let band: Band = 'minimal'
  for (const [lowest, name] of definition.bands) if (total >= lowest) band = name
  return band
}

/**
 * Any answer above 0 on PHQ-9 item 9 asks the app to show the crisis plan and the crisis numbers
 * straight away, alongside the form. It never stops the person finishing or saving.
 */
export function asksForSafetyPlan(questionnaire: Questionnaire, answers: readonly number[]): boolean {
  return questionnaire === 'phq9' && (answers[PHQ9_SAFETY_ITEM] ?? 0) > 0
}
