import type { ContactChannel } from '../../../../shared/domain/vocabulary'

export const therapistsStrings = {
  add: {
    title: 'Add your therapist',
    intro:
      'Between uses this to show the time where your therapist is, and to keep the ways you have agreed to get in touch in one place. You can change it later, or skip it for now.',
    name: 'Name',
    namePlaceholder: 'For example, Dr Amara Rao',
    nameMissing: 'Add a name, or skip this step for now.',
    practice: 'Practice',
    practiceHint: 'Where they work, if it helps you.',
    timeZone: 'Time zone',
    timeZoneHint: 'Usually the same as yours. Change it if your therapist is somewhere else.',
    optional: '(optional)',
    channelsTitle: 'Ways to get in touch',
    channelsIntro: 'Add the ways your therapist said you can reach them. Between never contacts anyone itself.',
    channel: 'How',
    address: (channel: ContactChannel) => channelAddressLabel[channel],
    label: 'Note',
    labelPlaceholder: 'For example, office line',
    addChannel: 'Add a way to get in touch',
    removeChannel: (n: number) => `Remove way to get in touch ${n}`,
    addressMissing: 'Add the address or number, or remove this row.',
    submit: 'Save and continue',
    submitting: 'Saving…',
    skip: 'Skip for now',
    failed: 'Between could not save this. Nothing was changed. Please try again.',
    invalid: 'Something in this form could not be saved. Please check the highlighted field.',
  },
  channels: {
    text: 'Text message',
    email: 'Email',
    phone: 'Phone call',
    voicemail: 'Voicemail',
    portal: 'Patient portal',
    video: 'Video call',
    social: 'Messaging app',
    in_person: 'In person',
  } satisfies Record<ContactChannel, string>,
} as const

const channelAddressLabel: Record<ContactChannel, string> = {
  text: 'Mobile number',
  email: 'Email address',
  phone: 'Phone number',
  voicemail: 'Phone number',
  portal: 'Portal address',
  video: 'Video link or ID',
  social: 'Handle or number',
  in_person: 'Address',
}
