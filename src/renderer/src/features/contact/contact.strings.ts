import { isMac } from '../../lib/platform'
import type { RuleKind } from '../../../../shared/domain/rules/rule-kinds'
import type { ContactChannel, Purpose } from '../../../../shared/domain/vocabulary'
import type { LineStatus } from '../../../../shared/domain/contact-check'
import {
  channelLabels,
  channelWords,
  kindNames,
  purposeLabels,
} from '../agreements/agreements.strings'

export { channelLabels, kindNames, purposeLabels }

const sentenceStart = (words: string) => words.charAt(0).toUpperCase() + words.slice(1)

const APP_WORDS: Partial<Record<ContactChannel, string>> = {
  email: 'your mail app',
  text: 'your messages app',
}

export const contactStrings = {
  nav: 'Ready to contact?',
  entry: 'Ready to contact?',
  entryHint: 'Check what you agreed before getting in touch',
  title: 'Ready to contact?',
  intro:
    'Say what it is about and how you would send it. Between checks it against what you agreed, and you decide.',
  crisis: {
    button: 'I feel unsafe right now',
    hint: 'Shows your crisis plan straight away',
  },
  noTherapist: {
    title: 'Add your therapist first',
    body: 'The check needs to know who you would contact and what you agreed with them.',
    add: 'Add your therapist',
  },
  noAgreements: (name: string) =>
    `There are no agreements with ${name} yet, so there is nothing to check against. Write down what you agreed, and the check uses it.`,
  addAgreement: 'Add an agreement',
  clears: (when: string) => `Clears ${when}.`,
  therapistTime: (time: string, city: string) => `That is ${time} in ${city}.`,
  otherChannelNow: (channel: ContactChannel) =>
    `${sentenceStart(channelWords[channel])} works now.`,
  otherChannelFrom: (channel: ContactChannel, when: string) =>
    `${sentenceStart(channelWords[channel])} works from ${when.replace(/^on /, '')}.`,
  noAddress: (channel: ContactChannel, name: string) =>
    `Between has no address for ${channelWords[channel]} yet. Add it to ${name}’s details, and this can go that way.`,
  addAddress: (channel: ContactChannel) => `Add the address for ${channelWords[channel]}`,
  reasons: {
    show: 'Show the reasons',
    hide: 'Hide the reasons',
  },
  primaryShortcut: 'Shortcut:',
  therapist: 'Who',
  purpose: 'What is it about?',
  purposeHints: {
    scheduling: 'Times, cancellations, rearranging',
    admin: 'Invoices, forms, letters',
    update: 'How things are going, something you noticed',
    question: 'Something about the work you are doing together',
    concern: 'Something specific that worries you',
    significant_event: 'Something big has happened',
    crisis: '',
  } satisfies Record<Purpose, string>,
  channel: 'How would you send it?',
  recorded: (address: string) => `Recorded: ${address}`,
  draft: 'Your message',
  draftHint: 'It stays on this device until you copy or send it.',
  optional: '(optional)',
  characters: (n: number) => `${n} ${n === 1 ? 'character' : 'characters'}`,
  choosePurpose: 'Choose what it is about, and the check appears here.',
  checking: 'Checking…',
  checkFailed:
    'Between could not check this just now. You can still decide for yourself, or try again.',
  retry: 'Try again',
  verdictTitle: 'What you agreed says',
  linesTitle: 'Your agreements, one by one',
  noRules: 'There are no agreements with this therapist yet, so there is nothing to check against.',
  lineStatus: {
    pass: 'Fits',
    fail: 'Not yet',
    warn: 'Worth a thought',
    info: 'For information',
    needs_confirmation: 'To check',
  } satisfies Record<LineStatus, string>,
  confirmTitle: 'Before you send',
  confirmText: {
    journal_first: 'I have written it down first.',
    worksheet: 'I have answered the questions first.',
  } as Partial<Record<RuleKind, string>>,
  actionsTitle: 'What would you like to do?',
  actions: {
    copyAndLog: 'Copy the message and log it as sent',
    openIn: (channel: ContactChannel) =>
      `Open it in ${APP_WORDS[channel] ?? channelWords[channel]}`,
    logOnly: (channel: ContactChannel) =>
      channel === 'phone' || channel === 'video'
        ? 'Log the call'
        : channel === 'in_person'
          ? 'Log it as said'
          : 'Log it as sent',
    saveDraft: 'Save as a draft',
    saveAndRemind: (when: string) => `Save as a draft and remind me ${when}`,
    talkingPoint: 'Turn it into a talking point',
    talkingPointFor: (when: string) => `Add it to the talking points for ${when}`,
    switchTo: (channel: ContactChannel) => `Use ${channelWords[channel]} instead`,
    reply: 'Log a reply I received',
    sendAnyway: 'Send anyway',
    copyCovering: 'Copy their details',
    openCrisis: 'Open your crisis plan',
  },
  anyway: {
    title: 'Send anyway',
    body: (agreements: string) =>
      `That is your decision to make. Between notes which agreements this goes against (${agreements}), so you can look at them together later if you want to.`,
    bodyNone: 'That is your decision to make. Between logs it like any other message.',
    close: 'Not now',
  },
  done: {
    copied: 'Copied and logged as sent. Paste it where you send it. It is on your timeline.',
    logged: 'Logged. It is on your timeline.',
    opened: (channel: ContactChannel) =>
      `Opened in ${APP_WORDS[channel] ?? channelWords[channel]}. Once you have sent it, log it here.`,
    openedLong: (channel: ContactChannel) =>
      `Opened in ${APP_WORDS[channel] ?? channelWords[channel]}. The message was long, so Between copied it: paste it in. Once you have sent it, log it here.`,
    notOpened:
      'Between could not open that app. The message is copied instead, so you can paste it where you send it.',
    logAfterOpen: 'Log it as sent',
    draftSaved: 'Saved as a draft.',
    draftRemind: (when: string) => `Saved as a draft. Between will remind you ${when}.`,
    talkingPoint: 'Added to your talking points for the next session.',
    openPrep: 'See the next session',
    reply: 'Reply logged.',
    failed: 'Between could not save that. Nothing was changed. Please try again.',
    copyFailed: 'Between could not copy the message. Select it and copy it yourself.',
  },
  covering: {
    title: 'Covering clinician',
    until: (when: string) => `Until ${when}`,
  },
  replyDialog: {
    title: 'Log a reply',
    summary: 'What they said, in short',
    summaryHint: 'Optional. It stays private to you.',
    channel: 'How it came',
    save: 'Log reply',
    cancel: 'Cancel',
    close: 'Close',
  },
  talkingPointFallback: (purpose: string) => `Something about: ${purpose.toLowerCase()}`,
} as const

/** Runs the verdict's one primary action from anywhere on the screen. */
export const primaryActionKeys = isMac ? '⌘ Enter' : 'Ctrl+Enter'
export const primaryActionKeyShortcuts = isMac ? 'Meta+Enter' : 'Control+Enter'
