/**
 * Where each of Daylio's columns is. Daylio's export header has been
 * `full_date,date,weekday,time,mood,activities,note_title,note` since note titles came in,
 * `full_date,date,weekday,time,mood,activities,note` before, and `year,date,weekday,time,...`
 * in its first versions; translated apps and spreadsheets re-saving the file rename or reorder
 * columns. Known names are looked up first; a missing column is then found by what its values
 * look like (an ISO date, a clock time) or by its place after the time column.
 */
import { ImportError } from '../import-error'
import type { CsvRecord } from './csv'

export interface DaylioColumns {
  /** An ISO date column, or (first versions) a day-and-month column read with `year`. */
  date: number
  year: number | null
  time: number | null
  mood: number
  activities: number | null
  noteTitle: number | null
  note: number | null
}

const NAMES: Record<keyof DaylioColumns | 'dayMonth', string[]> = {
  year: ['year', 'jahr', 'année', 'annee', 'año', 'ano', 'anno', 'jaar', 'rok', 'год'],
  dayMonth: ['date', 'datum', 'fecha', 'data', 'дата'],
  date: ['full_date', 'fulldate', 'full date', 'datum_voll', 'fecha_completa', 'date_complete', 'data_completa'],
  time: ['time', 'zeit', 'uhrzeit', 'heure', 'hora', 'ora', 'tijd', 'czas', 'время'],
  mood: ['mood', 'stimmung', 'laune', 'humeur', 'ánimo', 'animo', 'estado de ánimo', 'umore', 'humor', 'stemming', 'nastrój', 'настроение'],
  activities: ['activities', 'aktivitäten', 'activités', 'actividades', 'attività', 'atividades', 'activiteiten', 'aktywności', 'занятия'],
  noteTitle: ['note_title', 'note title', 'notiztitel', 'titre de la note', 'título de la nota'],
  note: ['note', 'notes', 'notiz', 'notizen', 'nota', 'notatka', 'notitie', 'заметка'],
}

const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/
export const CLOCK_TIME = /^(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?\s*([ap])?\.?\s*m?\.?$/i

function columnWhere(rows: CsvRecord[], width: number, test: (value: string) => boolean): number {
  for (let column = 0; column < width; column++) {
    const values = rows.map((row) => (row.fields[column] ?? '').trim()).filter((value) => value !== '')
    if (values.length > 0 && values.every(test)) return column
  }
  return -1
}

export function findColumns(header: string[], sample: CsvRecord[]): DaylioColumns {
  const names = header.map((name) => name.trim().toLowerCase())
  const byName = (key: keyof typeof NAMES): number => names.findIndex((name) => NAMES[key].includes(name))
  const width = Math.max(header.length, ...sample.map((row) => row.fields.length))

  const iso = byName('date') !== -1 ? byName('date') : columnWhere(sample, width, (v) => ISO_DATE.test(v))
  const yearFound = byName('year') !== -1 ? byName('year') : columnWhere(sample, width, (v) => /^\d{4}$/.test(v))
  const year = iso === -1 && yearFound !== -1 ? yearFound : null
  const date = iso !== -1 ? iso : year !== null ? (byName('dayMonth') !== -1 ? byName('dayMonth') : year + 1) : -1
  if (date === -1) throw new ImportError('not_daylio', 'line 1', 'no column holds dates like 2024-05-03')
  const timeFound = byName('time') !== -1 ? byName('time') : columnWhere(sample, width, (v) => CLOCK_TIME.test(v))
  const time = timeFound === -1 ? null : timeFound
  const after = (time ?? date) + 1
  const mood = byName('mood') !== -1 ? byName('mood') : after < width ? after : -1
  if (mood === -1) throw new ImportError('not_daylio', 'line 1', 'no mood column')
  const activitiesFound = byName('activities')
  const activities = activitiesFound !== -1 ? activitiesFound : mood + 1 < width ? mood + 1 : null
  const noteFound = byName('note')
  const noteTitleFound = byName('noteTitle')
  const note = noteFound !== -1 ? noteFound : (activities ?? mood) + 1 < width ? width - 1 : null
  const noteTitle = noteTitleFound !== -1 ? noteTitleFound : note !== null && note - 1 > (activities ?? mood) ? note - 1 : null
  return { date, year, time, mood, activities, noteTitle, note }
}
