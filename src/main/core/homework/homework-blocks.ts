/**
 * Homework items as plain blocks (a title, short facts, titled text sections) that the Markdown
 * document and the PDF report both render. Pure.
 */
import { DEFINITIONS } from '../../../shared/domain/homework/questionnaires'
import type { CheckIn, DiaryDay, ThoughtRecord } from '../../../shared/ipc/schemas/homework'
import { homeworkStrings as t } from './homework.strings'

export interface HomeworkBlock {
  id: string
  kind: 'thought-record' | 'diary-day' | 'check-in'
  at: number
  title: string
  facts: string[]
  sections: Array<{ heading: string; text: string }>
}

export interface HomeworkItems {
  thoughtRecords: ThoughtRecord[]
  diaryDays: DiaryDay[]
  checkIns: CheckIn[]
}

const section = (heading: string, text: string) => (text.trim() === '' ? [] : [{ heading, text: text.trim() }])

function thoughtRecordBlock(record: ThoughtRecord): HomeworkBlock {
  const thoughts = record.thoughts
    .map((thought) => `- ${thought.text.trim()} (${[t.belief(thought.belief), thought.hot ? t.hot : ''].filter(Boolean).join(', ')})`)
    .join('\n')
  const balanced = record.balancedThought.trim() === '' ? '' : `${record.balancedThought.trim()}${record.balancedBelief === null ? '' : ` (${t.belief(record.balancedBelief)})`}`
  return {
    id: record.id,
    kind: 'thought-record',
    at: record.happenedAt,
    title: t.thoughtRecord,
    facts: record.emotions.map((e) => t.emotionBeforeAfter(e.name, e.before, e.after)),
    sections: [
      ...section(t.situation, record.situation),
      ...section(t.thoughts, thoughts),
      ...section(t.evidenceFor, record.evidenceFor),
      ...section(t.evidenceAgainst, record.evidenceAgainst),
      ...section(t.balanced, balanced),
    ],
  }
}

function diaryDayBlock(day: DiaryDay): HomeworkBlock {
  const ratings = (values: Record<string, number>) => Object.entries(values).map(([name, value]) => t.rating(name, value)).join(', ')
  const happened = Object.entries(day.behaviours).filter(([, yes]) => yes).map(([name]) => name)
  return {
    id: day.id,
    kind: 'diary-day',
    at: day.at,
    title: t.diaryDay,
    facts: [],
    sections: [
      ...section(t.emotions, ratings(day.emotions)),
      ...section(t.urges, ratings(day.urges)),
      ...section(t.behaviours, happened.map((name) => `${name}: ${t.happened}`).join(', ')),
      ...section(t.skills, day.skills.join(', ')),
      ...section(t.note, day.note),
    ],
  }
}

function checkInBlock(checkIn: CheckIn): HomeworkBlock {
  const definition = DEFINITIONS[checkIn.questionnaire]
  return {
    id: checkIn.id,
    kind: 'check-in',
    at: checkIn.takenAt,
    title: t.checkIn(definition.name),
    facts: [t.score(checkIn.score, definition.max, t.bands[checkIn.band])],
    sections: section(t.note, checkIn.note),
  }
}

export const homeworkBlocks = (items: HomeworkItems): HomeworkBlock[] => [
  ...items.thoughtRecords.map(thoughtRecordBlock),
  ...items.diaryDays.map(diaryDayBlock),
  ...items.checkIns.map(checkInBlock),
]
