import { describe, expect, it } from 'vitest'
import { talkingPointText } from './ReflectionEditor'

describe('talkingPointText', () => {
  it('takes the first line with text, without Markdown markers', () => {
    expect(talkingPointText('\n\n## The **Sunday** calls\nmore')).toBe('The Sunday calls')
    expect(talkingPointText('- _guilt_ after calls')).toBe('guilt after calls')
    expect(talkingPointText('x'.repeat(300))).toHaveLength(200)
  })
})
