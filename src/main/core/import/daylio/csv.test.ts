import { describe, expect, it } from 'vitest'
import { ImportError } from '../import-error'
import { parseCsv } from './csv'

const fields = (text: string) => parseCsv(text).map((r) => r.fields)

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and keeps each record’s first line', () => {
    const records = parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line one\nline two",z\r\n')
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'line one\nline two', 'z'] },
    ])
  })

  it('accepts LF, CR and CRLF endings, a missing final newline, empty fields and blank lines', () => {
    expect(fields('a,b\n1,\r2,3\r\n\r\n,4')).toEqual([['a', 'b'], ['1', ''], ['2', '3'], ['', '4']])
  })

  it('takes ; or tab as the delimiter when the first line is split by it', () => {
    expect(fields('a;b;"c;d"\n1;2;3')).toEqual([['a', 'b', 'c;d'], ['1', '2', '3']])
    expect(fields('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']])
  })

  it('keeps a quote inside an unquoted field as text', () => {
    expect(fields('a,b\n5" tall,x')).toEqual([['a', 'b'], ['5" tall', 'x']])
  })

  it('names the line of a quoted field that is never closed', () => {
    let error: unknown
    try {
      parseCsv('a,b\n1,2\n3,"never closed\n4,5\n')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).where).toBe('line 3')
  })
})
