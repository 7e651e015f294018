/** How the homework kinds look in the timeline and in search results. */
import { DEFINITIONS } from '../../../../shared/domain/homework/questionnaires'
import type { TimelineEntry } from '../../../../shared/ipc/schemas/timeline'
import type { IconName } from '../../components/ui'
import { homeworkStrings as s } from './homework.strings'

export const HOMEWORK_KINDS = ['thought_record', 'diary_day', 'check_in'] as const
export type HomeworkKind = (typeof HOMEWORK_KINDS)[number]
type HomeworkEntry = Extract<TimelineEntry, { kind: HomeworkKind }>

export const isHomeworkKind = (kind: string): kind is HomeworkKind => (HOMEWORK_KINDS as readonly string[]).includes(kind)

export const HOMEWORK_ICONS: Record<HomeworkKind, IconName> = { thought_record: 'message', diary_day: 'list', check_in: 'check' }

export interface HomeworkCard {
  icon: IconName
  label: string
  meta: string[]
  text: string
  flag: string | null
}

/** A compact card: what it is, the one line that matters most, and whether it goes to the session. */
export function describeHomeworkEntry(entry: HomeworkEntry, when: string): HomeworkCard {
  switch (entry.kind) {
    case 'thought_record':
      return {
        icon: HOMEWORK_ICONS.thought_record,
        label: s.kinds.thought_record,
        meta: [when],
        text: entry.hotThought ? s.timeline.hotThought(entry.hotThought) : entry.preview,
        flag: entry.bringToSession ? s.timeline.bringUp : null,
      }
    case 'diary_day':
      return {
        icon: HOMEWORK_ICONS.diary_day,
        label: s.kinds.diary_day,
        meta: [when, ...s.timeline.diaryFacts(entry)],
        text: entry.preview,
        flag: null,
      }
    case 'check_in': {
      const definition = DEFINITIONS[entry.questionnaire]
      return {
        icon: HOMEWORK_ICONS.check_in,
        label: s.timeline.checkIn(definition.name),
        meta: [when],
        text: s.timeline.score(entry.score, definition.max, s.bands[entry.band]),
        flag: null,
      }
    }
  }
}
