import { NATIONAL_NUMBERS } from '../../../shared/domain/crisis-numbers'
import type { Prefs } from '../../../shared/prefs'

/**
 * Which external links Between may hand to the OS (DESIGN.md promise 2: the only ways out are
 * the person's own actions). Pure: no electron, no I/O.
 *
 * Allowed, always after parsing with `new URL` and rebuilding from the parsed parts:
 * - mailto: to one email address recorded for a therapist (optional subject and body only:
 *   no cc/bcc/to that would send the text somewhere else);
 * - sms: (optional body) and tel: to a number recorded for a therapist (text, phone, voicemail
 *   channels), in the crisis plan, shown on the lock screen by the person's choice, or one of
 *   the app's own public emergency and crisis numbers (shared/domain/crisis-numbers.ts);
 * - https: URLs the person put in their crisis plan, exactly (same href after normalisation).
 */

export interface AllowedAddresses {
  /** Lower-cased email addresses. */
  emails: ReadonlySet<string>
  /** Normalised phone numbers: digits with an optional leading +. */
  phones: ReadonlySet<string>
  /** Normalised https hrefs. */
  httpsUrls: ReadonlySet<string>
}

export interface TherapistChannels {
  channels: ReadonlyArray<{ channel: string; address: string }>
}

export interface CrisisPlanAddresses {
  helpers: ReadonlyArray<{ phone: string }>
  professionals: ReadonlyArray<{ phone: string }>
  crisisLines: ReadonlyArray<{ phone: string; url: string }>
  emergencyNumber: string
}

export interface AddressSources {
  /** null while the vault is locked. */
  therapists: ReadonlyArray<TherapistChannels> | null
  crisisPlan: CrisisPlanAddresses | null
  prefs: Pick<Prefs, 'showCrisisOnLockScreen' | 'lockScreenCrisisLine' | 'emergencyNumber'> | null
}

const EMAIL = /^[^\s@,;:?&%<>"'()[\]\\/]+@[^\s@,;:?&%<>"'()[\]\\/]+\.[^\s@,;:?&%<>"'()[\]\\/]+$/
const PHONE_CHARS = /^\+?[0-9 ()*#.\-/]+$/
const MAX_PHONE_DIGITS = 20

export const normalizeEmail = (address: string): string | null => {
  const trimmed = address.trim().toLowerCase()
  return trimmed.length <= 254 && EMAIL.test(trimmed) ? trimmed : null
}

/** Digits with an optional leading +, separators dropped: `+1 (555) 010-0199` -> `+15550100199`. */
export const normalizePhone = (number: string): string | null => {
  const trimmed = number.trim()
  if (trimmed.length === 0 || !PHONE_CHARS.test(trimmed)) return null
  const digits = trimmed.replace(/[^0-9]/g, '')
  if (digits.length === 0 || digits.length > MAX_PHONE_DIGITS) return null
  return (trimmed.startsWith('+') ? '+' : '') + digits
}

export const normalizeHttpsUrl = (raw: string): string | null => {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null
  return url.href
}

const EMAIL_CHANNELS = new Set(['email'])
const PHONE_CHANNELS = new Set(['text', 'phone', 'voicemail'])

export function collectAllowedAddresses(sources: AddressSources): AllowedAddresses {
  const emails = new Set<string>()
  const phones = new Set<string>()
  const httpsUrls = new Set<string>()
  const addPhone = (number: string | null | undefined): void => {
    const normal = number ? normalizePhone(number) : null
    if (normal) phones.add(normal)
  }
  for (const therapist of sources.therapists ?? []) {
    for (const { channel, address } of therapist.channels) {
      if (EMAIL_CHANNELS.has(channel)) {
        const normal = normalizeEmail(address)
        if (normal) emails.add(normal)
      } else if (PHONE_CHANNELS.has(channel)) addPhone(address)
    }
  }
  const plan = sources.crisisPlan
  if (plan) {
    for (const person of [...plan.helpers, ...plan.professionals, ...plan.crisisLines]) addPhone(person.phone)
    for (const line of plan.crisisLines) {
      const normal = line.url ? normalizeHttpsUrl(line.url) : null
      if (normal) httpsUrls.add(normal)
    }
    addPhone(plan.emergencyNumber)
  }
  // The app's own public emergency and crisis numbers (the lock screen's "Need help now?").
  for (const numbers of NATIONAL_NUMBERS) {
    addPhone(numbers.emergency)
    addPhone(numbers.line.phone)
  }
  const prefs = sources.prefs
  if (prefs?.showCrisisOnLockScreen) {
    addPhone(prefs.lockScreenCrisisLine?.phone)
    addPhone(prefs.emergencyNumber)
  }
  return { emails, phones, httpsUrls }
}

/** RFC 6068: spaces as %20, never '+'. */
const mailQuery = (params: ReadonlyArray<[string, string]>): string =>
  params.length === 0 ? '' : `?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`

/** Only these query fields may travel with a message link; each at most once. */
const readQuery = (url: URL, allowed: ReadonlySet<string>): Array<[string, string]> | null => {
  const seen = new Set<string>()
  const out: Array<[string, string]> = []
  for (const [key, value] of url.searchParams) {
    const name = key.toLowerCase()
    if (!allowed.has(name) || seen.has(name)) return null
    seen.add(name)
    out.push([name, value])
  }
  return out
}

const decodePath = (url: URL): string | null => {
  try {
    return decodeURIComponent(url.pathname)
  } catch {
    return null
  }
}

/**
 * Returns the URL to hand to the OS — rebuilt from its parsed parts — or null when it is not
 * one the person recorded.
 */
export function vetExternalUrl(raw: string, allowed: AllowedAddresses): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.hash !== '') return null
  switch (url.protocol) {
    case 'mailto:': {
      if (url.host !== '') return null
      const path = decodePath(url)
      const address = path === null ? null : normalizeEmail(path)
      if (!address || !allowed.emails.has(address)) return null
      const query = readQuery(url, new Set(['subject', 'body']))
      if (!query) return null
      return `mailto:${address}${mailQuery(query)}`
    }
    case 'sms:':
    case 'tel:': {
      if (url.host !== '') return null
      const path = decodePath(url)
      const number = path === null ? null : normalizePhone(path)
      if (!number || !allowed.phones.has(number)) return null
      if (url.protocol === 'tel:') {
        if (url.search !== '') return null
        return `tel:${number}`
      }
      const query = readQuery(url, new Set(['body']))
      if (!query) return null
      return `sms:${number}${mailQuery(query)}`
    }
    case 'https:': {
      const normal = normalizeHttpsUrl(raw)
      return normal !== null && allowed.httpsUrls.has(normal) ? normal : null
    }
    default:
      return null
  }
}
