import { describe, expect, it } from 'vitest'
import { splitSnippet } from './Snippet'

describe('splitSnippet', () => {
  it('turns the core’s \\u0002…\\u0003 markers into marked parts and keeps everything else as text', () => {
    expect(splitSnippet('…the \u0002heron\u0003 and <b>\u0002herons\u0003</b>')).toEqual([
      { text: '…the ', marked: false },
      { text: 'heron', marked: true },
      { text: ' and <b>', marked: false },
      { text: 'herons', marked: true },
      { text: '</b>', marked: false },
    ])
  })

  it('survives unbalanced markers without losing text', () => {
    expect(splitSnippet('a\u0003b\u0002c')).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: false },
      { text: 'c', marked: true },
    ])
    expect(splitSnippet('')).toEqual([])
  })
})
