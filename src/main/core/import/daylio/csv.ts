/**
 * A small RFC 4180 reader: fields separated by a delimiter, quoted fields may hold delimiters,
 * line breaks and doubled quotes (""), records end with CRLF, LF or CR. The delimiter is the
 * one of , ; or tab that splits the first line the most (spreadsheet apps re-save Daylio files
 * with ; in some locales). Each record keeps the line it starts on, for error messages.
 */
import { ImportError } from '../import-error'

export interface CsvRecord {
  line: number
  fields: string[]
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n/) === -1 ? text.length : text.search(/\r|\n/))
  const unquoted = firstLine.replace(/"[^"]*"/g, '')
  let best = ','
  let bestCount = -1
  for (const candidate of [',', ';', '\t']) {
    const count = unquoted.split(candidate).length - 1
    if (count > bestCount) {
      best = candidate
      bestCount = count
    }
  }
  return best
}

export function parseCsv(text: string): CsvRecord[] {
  const delimiter = detectDelimiter(text)
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let quoted = false
  let quoteLine = 0
  let fieldStarted = false
  const endField = () => {
    fields.push(field)
    field = ''
    fieldStarted = false
  }
  const endRecord = () => {
    endField()
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields })
    fields = []
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++
        field += c
      }
      continue
    }
    if (c === '"' && !fieldStarted) {
      quoted = true
      fieldStarted = true
      quoteLine = line
    } else if (c === delimiter) endField()
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else {
      // A quote inside an unquoted field is kept as text (lenient, as spreadsheets are).
      field += c
      fieldStarted = true
    }
  }
  if (quoted) throw new ImportError('broken_csv', `line ${quoteLine}`, 'a quoted field is never closed')
  if (field !== '' || fields.length > 0) endRecord()
  return records
}
