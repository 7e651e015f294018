/**
 * The homework kinds on the timeline, one SQL per kind in the timeline's shape (keyset window,
 * newest first). They belong to no therapist and carry no tags, so those filters leave them out.
 */
const PREVIEW = 280

const window = (at: string, id: string) =>
  `(${at} < @beforeAt OR (${at} = @beforeAt AND ${id} < @beforeId))
   AND (@from IS NULL OR ${at} >= @from) AND (@to IS NULL OR ${at} < @to)
   AND @therapistId IS NULL AND @tag IS NULL`

const orderLimit = (at: string, id: string) => `ORDER BY ${at} DESC, ${id} DESC LIMIT @limit`

export const HOMEWORK_TIMELINE_SQL = {
  thought_record: `SELECT 'thought_record' AS kind, id, happened_at AS at, bring_to_session,
                          substr(situation, 1, ${PREVIEW}) AS preview,
                          (SELECT substr(value ->> 'text', 1, ${PREVIEW}) FROM json_each(thoughts) WHERE value ->> 'hot' = 1) AS hot_thought
                     FROM thought_records
                    WHERE ${window('happened_at', 'id')}
                    ${orderLimit('happened_at', 'id')}`,
  diary_day: `SELECT 'diary_day' AS kind, id, at, day, substr(note, 1, ${PREVIEW}) AS preview,
                     (SELECT max(value) FROM json_each(urges)) AS highest_urge,
                     (SELECT max(value) FROM json_each(emotions)) AS highest_emotion,
                     (SELECT count(*) FROM json_each(behaviours) WHERE value = 1) AS behaviours,
                     json_array_length(skills) AS skills
                FROM diary_card_days
               WHERE ${window('at', 'id')}
               ${orderLimit('at', 'id')}`,
  check_in: `SELECT 'check_in' AS kind, id, taken_at AS at, questionnaire, score, substr(note, 1, ${PREVIEW}) AS preview
               FROM check_ins
              WHERE ${window('taken_at', 'id')}
              ${orderLimit('taken_at', 'id')}`,
} as const
