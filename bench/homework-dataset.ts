/**
 * Structured homework for the bench datasets: thought records, diary card days and check-ins,
 * spread evenly over the dataset's ten years, with the same vocabulary as the reflections.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { THINKING_TRAPS } from '../src/shared/domain/homework/homework-lists'
import { totalScore } from '../src/shared/domain/homework/questionnaires'
import { insertRow } from '../src/main/core/db/table.repo'
import { checkInsTable, diaryDaysTable, thoughtRecordsTable } from '../src/main/core/homework/homework.repo'
import { newId } from '../src/main/core/ids'
import { DATASET_END, DATASET_START, reflectionBody, seeded } from './dataset'

const DAY = 86_400_000

/** `count` structured records: half thought records, a third diary days, the rest check-ins. */
export function fillHomework(db: Database.Database, count: number, seed = 19): void {
  const random = seeded(seed)
  const span = DATASET_END - DATASET_START
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const answers = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 4))
  let day = 0
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = DATASET_START + Math.floor((span * i) / count)
      const id = newId(at)
      const stamps = { createdAt: at, updatedAt: at }
      if (i % 6 < 3) {
        insertRow(db, thoughtRecordsTable, {
          id, happenedAt: at, situation: reflectionBody(random).slice(0, 300),
          emotions: [{ name: pick(['Anxious', 'Sad', 'Angry', 'Ashamed']), before: 70, after: 40 }],
          thoughts: [{ text: reflectionBody(random).slice(0, 160), belief: 80, hot: true, traps: [pick(THINKING_TRAPS)] }],
          evidenceFor: reflectionBody(random).slice(0, 200), evidenceAgainst: reflectionBody(random).slice(0, 200),
          balancedThought: reflectionBody(random).slice(0, 200), balancedBelief: 60, bringToSession: random() < 0.1, ...stamps,
        })
      } else if (i % 6 < 5) {
        // One row per calendar day: walk forward through the days so each is unique.
        const dayAt = DATASET_START + day++ * DAY
        insertRow(db, diaryDaysTable, {
          id: newId(dayAt), day: new Date(dayAt).toISOString().slice(0, 10), at: dayAt, timeZone: 'UTC',
          emotions: { Sadness: Math.floor(random() * 6) }, urges: { 'Self-harm': Math.floor(random() * 6) }, behaviours: { 'Self-harm': random() < 0.05 },
          skills: [pick(['TIPP', 'Wise mind', 'Opposite action'])], note: reflectionBody(random).slice(0, 240), createdAt: dayAt, updatedAt: dayAt,
        })
      } else {
        const questionnaire = random() < 0.5 ? 'phq9' : 'gad7'
        const given = answers(questionnaire === 'phq9' ? 9 : 7)
        insertRow(db, checkInsTable, { id, questionnaire, answers: given, score: totalScore(given), takenAt: at, note: reflectionBody(random).slice(0, 120), ...stamps })
      }
    }
  })()
}
