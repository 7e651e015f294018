import { describe, expect, it } from 'vitest'
import { keptValueText } from './entry-history-value'

const time = (at: number) => `time ${at}`

describe('a kept value as a person reads it', () => {
  it('shows times as dates, only for time fields', () => {
    expect(keptValueText('starts_at', 1_773_000_000_000, time)).toBe('time 1773000000000')
    expect(keptValueText('mood', 4, time)).toBe('4')
  })

  it('reads ratings, ticks and lists stored as JSON text', () => {
    expect(keptValueText('emotions', '{"Sadness":3,"Anger":1}', time)).toBe('Sadness 3, Anger 1')
    expect(keptValueText('behaviours', '{"Skipped a meal":true}', time)).toBe('Skipped a meal yes')
    expect(keptValueText('skills', '["Wise mind","STOP"]', time)).toBe('Wise mind; STOP')
    expect(keptValueText('emotions', '[{"name":"Anxious","intensity":70}]', time)).toBe('Anxious 70')
    expect(keptValueText('thoughts', '[{"text":"I will fail","belief":80,"hot":true,"traps":[]}]', time)).toBe('I will fail 80')
  })

  it('keeps words as written, even when they look like JSON but are not', () => {
    expect(keptValueText('body', '{not json', time)).toBe('{not json')
    expect(keptValueText('body', 'Heron by the canal.', time)).toBe('Heron by the canal.')
  })

  it('says when a value was empty', () => {
    for (const empty of [null, '', '[]', '{}']) expect(keptValueText('note', empty, time)).toBe('(empty)')
    expect(keptValueText('bring_to_session', false, time)).toBe('no')
  })
})
