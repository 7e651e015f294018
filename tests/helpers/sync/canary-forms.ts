/** Every form in which a sync folder could leak a value: as text, as an ID with or without dashes, as a time. */
export function canaryForms(input: { texts: string[]; ids: string[]; times: number[] }): string[] {
  const forms = new Set<string>(input.texts)
  for (const id of input.ids) {
    forms.add(id)
    forms.add(id.replaceAll('-', ''))
    forms.add(id.slice(0, 13)) // a UUIDv7's time part
  }
  for (const ms of input.times) {
    forms.add(String(ms))
    forms.add(String(Math.floor(ms / 1000)))
    forms.add(new Date(ms).toISOString())
    forms.add(new Date(ms).toISOString().slice(0, 16))
    forms.add(ms.toString(16))
    forms.add(ms.toString(16).padStart(12, '0'))
  }
  return [...forms]
}
