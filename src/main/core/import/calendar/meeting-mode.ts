/**
 * How a calendar event is held: a video link anywhere a calendar puts one means video; a
 * location that is a web address, or only a phone number (or "Phone call"), means video or
 * phone; with no place, a title that says so ("Video visit", "Telephone appointment"); otherwise
 * in person.
 * DESCRIPTION counts only for links to known meeting services: a practice's website in the
 * text is not a video session, and dial-in numbers in a Zoom invitation are not a phone call.
 */
import type { SessionFormat } from '../../../../shared/domain/vocabulary'

const MEETING_LINK =
  /\b(?:meet\.google\.com|[a-z0-9-]+\.zoom\.us|zoom\.us\/[jsw]|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|[a-z0-9-]+\.webex\.com|webex\.com\/meet|whereby\.com|meet\.jit\.si|doxy\.me|gotomeeting\.com|meet\.goto\.com|facetime\.apple\.com|join\.skype\.com|skype:|zoommtg:|msteams:)/i

/** Properties whose presence alone says the event has an online meeting. */
const ONLINE_MEETING_PROPERTIES = ['x-google-conference', 'x-microsoft-skypeteamsmeetingurl', 'x-microsoft-onlinemeetingconflink', 'x-microsoft-onlinemeetinginformation']

const PHONE_ONLY = /^(?:tel:|phone:?|telefon:?|téléphone:?)?\s*\+?[\d\s()./-]{6,}$/i

export interface ModeSources {
  title: string
  location: string
  description: string
  url: string
  conference: string[]
  /** Lower-case names of the event's properties. */
  propertyNames: Set<string>
  /** X-MICROSOFT-ISONLINEMEETING / X-MICROSOFT-CDO-... flags, upper-case values by lower-case name. */
  flags: Map<string, string>
}

const digits = (text: string): number => text.replace(/\D/g, '').length

export function meetingMode(sources: ModeSources): SessionFormat {
  if (ONLINE_MEETING_PROPERTIES.some((name) => sources.propertyNames.has(name))) return 'video'
  if (sources.flags.get('x-microsoft-isonlinemeeting') === 'TRUE') return 'video'
  const conferenceLinks = sources.conference.filter((value) => !/^tel:/i.test(value.trim()))
  if (conferenceLinks.length > 0) return 'video'
  if ([sources.location, sources.url, sources.description].some((text) => MEETING_LINK.test(text))) return 'video'
  const location = sources.location.trim()
  // A place that is a web address is a video room (patient portals write their own links).
  if (/^https?:\/\/\S+$/i.test(location) || /\b(video|online|telehealth|videosprechstunde)\b/i.test(location)) return 'video'
  if (location !== '' && PHONE_ONLY.test(location) && digits(location) >= 6) return 'phone'
  if (/^(phone|telephone|phone call|by phone|call|telefon|anruf|téléphone|teléfono|telefono)\b/i.test(location)) return 'phone'
  if (sources.conference.length > 0) return 'phone'
  // Patient portals often say it only in the title: "Video visit", "Telephone appointment".
  if (location === '' && /\b(video|telehealth|telemedicine|virtual|online|videosprechstunde)\b/i.test(sources.title)) return 'video'
  if (location === '' && /\b(phone|telephone|telefon|téléphone|teléfono|telefono)\b/i.test(sources.title)) return 'phone'
  return 'in_person'
}
