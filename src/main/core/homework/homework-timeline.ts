import { bandFor, type Questionnaire } from '../../../shared/domain/homework/questionnaires'
import type { TimelineEntry } from '../../../shared/ipc/schemas/timeline'
import type { TimelineRow } from '../timeline/timeline.repo'

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null)

/** A homework row from the timeline's SQL as its entry; null for any other kind. */
export function homeworkEntry(row: TimelineRow): TimelineEntry | null {
  const base = { id: row.id, at: row.at, preview: String(row.preview ?? '') }
  switch (row.kind) {
    case 'thought_record':
      return { ...base, kind: 'thought_record', hotThought: typeof row.hot_thought === 'string' ? row.hot_thought : null, bringToSession: row.bring_to_session === 1 }
    case 'diary_day':
      return {
        ...base,
        kind: 'diary_day',
        day: String(row.day),
        highestEmotion: numberOrNull(row.highest_emotion),
        highestUrge: numberOrNull(row.highest_urge),
        behaviours: Number(row.behaviours),
        skills: Number(row.skills),
      }
    case 'check_in': {
      const questionnaire = row.questionnaire as Questionnaire
      const score = Number(row.score)
      return { ...base, kind: 'check_in', questionnaire, score, band: bandFor(questionnaire, score) }
    }
    default:
      return null
  }
}
