/**
 * Daylio's five default moods, in the languages its export is most often in, on Between's
 * scale (1 = very low ... 5 = very good). Custom moods have no default: the preview asks.
 */
const DEFAULTS: Array<[number, string[]]> = [
  [5, ['rad', 'super', 'génial', 'genial', 'fantastico', 'ótimo', 'radioso', 'świetnie', 'geweldig', 'отлично']],
  [4, ['good', 'gut', 'bien', 'bene', 'bom', 'dobrze', 'goed', 'хорошо', 'bra']],
  [3, ['meh', 'ok', 'okay', 'bof', 'regular', 'così così', 'mais ou menos', 'normalnie', 'gaat wel', 'так себе']],
  [2, ['bad', 'schlecht', 'mal', 'male', 'ruim', 'źle', 'slecht', 'плохо', 'dåligt']],
  [1, ['awful', 'schrecklich', 'furchtbar', 'horrible', 'affreux', 'fatal', 'terribile', 'péssimo', 'okropnie', 'vreselijk', 'ужасно']],
]

const BY_LABEL = new Map(DEFAULTS.flatMap(([mood, labels]) => labels.map((label) => [label, mood] as const)))

export const defaultMoodFor = (label: string): number | null => BY_LABEL.get(label.trim().toLowerCase()) ?? null
