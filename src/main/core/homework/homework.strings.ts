import { BAND_NAMES } from '../../../shared/domain/homework/questionnaires'

/** Words the core writes about homework (exports and the session brief). Calm and plain. */
export const homeworkStrings = {
  thoughtRecord: 'Thought record',
  diaryDay: 'Diary card',
  checkIn: (name: string) => `Check-in: ${name}`,
  situation: 'Situation',
  emotions: 'Emotions',
  emotionBeforeAfter: (name: string, before: number, after: number | null) =>
    after === null ? `${name} ${before}%` : `${name} ${before}% → ${after}%`,
  thoughts: 'Automatic thoughts',
  hot: 'hot thought',
  belief: (percent: number) => `believed ${percent}%`,
  evidenceFor: 'Evidence for',
  evidenceAgainst: 'Evidence against',
  balanced: 'Balanced thought',
  urges: 'Urges',
  behaviours: 'Target behaviours',
  happened: 'happened',
  skills: 'Skills used',
  note: 'Note',
  rating: (name: string, value: number) => `${name} ${value}/5`,
  score: (score: number, max: number, band: string) => `Score ${score} of ${max} (${band}): a score to look at with my therapist`,
  bands: BAND_NAMES,
  briefRecordsTitle: 'Thought records I would like to go through',
  briefWeeksTitle: 'My diary card',
  briefWeek: (from: string) => `Week from ${from}`,
  briefScoresTitle: 'Check-ins',
  briefScore: (name: string, score: number, max: number, band: string) => `${name}: ${score} of ${max} (${band})`,
  briefChange: (change: number) =>
    change === 0 ? 'the same as at the last session' : `${change > 0 ? 'up' : 'down'} ${Math.abs(change)} since the last session`,
  briefScoresNote: 'Scores to look at with my therapist, not a diagnosis.',
} as const
