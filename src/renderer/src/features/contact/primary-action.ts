import type { Verdict } from '../../../../shared/domain/contact-check'
import type { ContactChannel } from '../../../../shared/domain/vocabulary'
import type { IconName } from '../../components/ui'
import { contactStrings as s } from './contact.strings'
import { whenText } from './contact-words'

const WRITTEN: readonly ContactChannel[] = ['text', 'email', 'portal', 'social']
/** Channels that need an address before Between can suggest them (in person needs none). */
const ADDRESSED: readonly ContactChannel[] = [
  'text',
  'email',
  'phone',
  'voicemail',
  'portal',
  'social',
  'video',
]

export const needsAddress = (
  channel: ContactChannel,
  address: (c: ContactChannel) => string,
): boolean => ADDRESSED.includes(channel) && address(channel) === ''

export interface PrimaryAction {
  /** Which busy key the button shows a spinner for. */
  key: string
  label: string
  icon?: IconName
  run(): void
}

export interface PrimaryHandlers {
  channel: ContactChannel
  draftText: string
  address(channel: ContactChannel): string
  sendNow(kind: 'open' | 'copy' | 'log'): void
  remind(at: number | null): void
  talkingPoint(sessionId: string | null): void
  switchTo(channel: ContactChannel): void
  addAddress(): void
  copyCovering(text: string): void
  openCrisis(): void
}

/** How the verdict's one send action goes out: open the app, copy, or just log. */
export function sendKind(
  channel: ContactChannel,
  draftText: string,
  address: (c: ContactChannel) => string,
): 'open' | 'copy' | 'log' {
  if ((channel === 'email' || channel === 'text') && address(channel) !== '') return 'open'
  if (WRITTEN.includes(channel) && draftText.trim() !== '') return 'copy'
  return 'log'
}

/** The one action that fits the verdict, or null when there is nothing to press (confirm). */
export function primaryAction(
  verdict: Verdict,
  now: number,
  h: PrimaryHandlers,
): PrimaryAction | null {
  switch (verdict.kind) {
    case 'send': {
      const kind = sendKind(h.channel, h.draftText, h.address)
      const label =
        kind === 'open'
          ? s.actions.openIn(h.channel)
          : kind === 'copy'
            ? s.actions.copyAndLog
            : s.actions.logOnly(h.channel)
      return {
        key: kind,
        label,
        icon: kind === 'copy' ? 'copy' : 'message',
        run: () => h.sendNow(kind),
      }
    }
    case 'wait_until': {
      const at = verdict.at
      return at === null
        ? { key: 'draft', label: s.actions.saveDraft, icon: 'clock', run: () => h.remind(null) }
        : {
            key: 'draft',
            label: s.actions.saveAndRemind(whenText(at, now)),
            icon: 'clock',
            run: () => h.remind(at),
          }
    }
    case 'use_other_channel': {
      const usable = verdict.channels.find((c) => !needsAddress(c, h.address))
      if (usable)
        return { key: 'switch', label: s.actions.switchTo(usable), run: () => h.switchTo(usable) }
      return {
        key: 'address',
        label: s.addAddress(verdict.channels[0] as ContactChannel),
        run: h.addAddress,
      }
    }
    case 'bring_to_session': {
      const label =
        verdict.startsAt !== null
          ? s.actions.talkingPointFor(whenText(verdict.startsAt, now).replace(/^on /, ''))
          : s.actions.talkingPoint
      return { key: 'point', label, icon: 'list', run: () => h.talkingPoint(verdict.sessionId) }
    }
    case 'covering_clinician': {
      const details = [verdict.name, verdict.contact].filter(Boolean).join(', ')
      return verdict.contact
        ? {
            key: 'covering',
            label: s.actions.copyCovering,
            icon: 'copy',
            run: () => h.copyCovering(details),
          }
        : null
    }
    case 'crisis_plan':
      return { key: 'crisis', label: s.actions.openCrisis, icon: 'lifebuoy', run: h.openCrisis }
    case 'confirm':
      return null
  }
}
