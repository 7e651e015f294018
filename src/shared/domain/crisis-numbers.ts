/**
 * A small built-in list of well-known national numbers: a starting point in the crisis plan
 * editor, and what the lock screen's "Need help now?" shows. They come with the app, not from
 * the vault, so they may be shown and dialled while it is locked. The person checks and edits
 * them; Between never assumes they are right for where the person is. Sources: each service's
 * own public pages (numbers as of 2025).
 */
export interface NationalNumbers {
  country: string
  /** ISO 3166-1 alpha-2 region code, as in a locale like en-GB. */
  region: string
  emergency: string
  line: { name: string; phone: string }
}

export const NATIONAL_NUMBERS: readonly NationalNumbers[] = [
  { country: 'United Kingdom', region: 'GB', emergency: '999', line: { name: 'Samaritans', phone: '116 123' } },
  { country: 'Ireland', region: 'IE', emergency: '112', line: { name: 'Samaritans', phone: '116 123' } },
  { country: 'United States', region: 'US', emergency: '911', line: { name: '988 Suicide & Crisis Lifeline', phone: '988' } },
  { country: 'Canada', region: 'CA', emergency: '911', line: { name: '9-8-8 Suicide Crisis Helpline', phone: '988' } },
  { country: 'Australia', region: 'AU', emergency: '000', line: { name: 'Lifeline', phone: '13 11 14' } },
  { country: 'New Zealand', region: 'NZ', emergency: '111', line: { name: 'Need to talk? 1737', phone: '1737' } },
  { country: 'Germany', region: 'DE', emergency: '112', line: { name: 'TelefonSeelsorge', phone: '0800 111 0 111' } },
  { country: 'France', region: 'FR', emergency: '112', line: { name: '3114 (prévention du suicide)', phone: '3114' } },
  { country: 'Netherlands', region: 'NL', emergency: '112', line: { name: '113 Zelfmoordpreventie', phone: '0800 0113' } },
  { country: 'Spain', region: 'ES', emergency: '112', line: { name: 'Línea 024', phone: '024' } },
  { country: 'India', region: 'IN', emergency: '112', line: { name: 'Tele-MANAS', phone: '14416' } },
]

/** The entry for the locale's region ("en-GB" → United Kingdom), or null. */
export function numbersForLocale(locale: string | undefined): NationalNumbers | null {
  if (!locale) return null
  let region: string | undefined
  try {
    region = new Intl.Locale(locale).maximize().region
  } catch {
    region = undefined
  }
  return NATIONAL_NUMBERS.find((n) => n.region === region) ?? null
}
