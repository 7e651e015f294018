import { isMac } from '../../lib/platform'
export const crisisPlanStrings = {
  nav: 'Crisis plan',
  title: 'Your crisis plan',
  intro:
    'A plan for hard moments, made while things are calmer. It follows the Stanley–Brown safety plan: steps in order, from noticing the signs to getting help. It stays encrypted with everything else.',
  loadFailed: 'Between could not load your plan. Try again in a moment.',
  retry: 'Try again',
  optional: '(optional)',
  sections: {
    warningSigns: {
      title: '1. Warning signs',
      hint: 'Thoughts, feelings or situations that tell me a crisis may be coming.',
      item: 'Warning sign',
      add: 'Add a warning sign',
    },
    copingStrategies: {
      title: '2. Things I can do on my own',
      hint: 'What helps me take my mind off things, without contacting anyone.',
      item: 'Something I can do',
      add: 'Add something I can do',
    },
    distractions: {
      title: '3. People and places that take my mind off things',
      hint: 'Places to go and people to be around.',
      item: 'Person or place',
      add: 'Add a person or place',
      note: 'Note',
    },
    helpers: {
      title: '4. People I can ask for help',
      hint: 'Friends or family I can tell how I am feeling.',
      item: 'Name',
      add: 'Add a person',
      phone: 'Phone number',
    },
    professionals: {
      title: '5. Professionals and services',
      hint: 'My therapist, my doctor, crisis lines and the emergency number.',
      item: 'Name',
      add: 'Add a professional or service',
      role: 'Role',
      phone: 'Phone number',
    },
    crisisLines: {
      title: 'Crisis lines',
      item: 'Name of the line',
      add: 'Add a crisis line',
      phone: 'Phone number',
      url: 'Web address',
      urlHint: 'Optional, for a chat service (https:// only)',
    },
    emergencyNumber: {
      label: 'Emergency number',
      hint: 'The number for emergency services where you are.',
    },
    safeEnvironment: {
      title: '6. Making my surroundings safer',
      hint: 'Steps that put time and distance between me and the means to harm myself.',
      item: 'A step',
      add: 'Add a step',
    },
    reasonsToLive: {
      title: '7. Reasons for living',
      hint: 'What matters most to me.',
      item: 'A reason',
      add: 'Add a reason',
    },
  },
  /** A plan kept from the other computer (Settings → Sync), its sections that differ from now. */
  kept: {
    empty: '(empty)',
    sameAsNow: 'The same as your plan now.',
    unreadable: 'A plan Between could not read.',
  },
  remove: (what: string, n: number) => `Remove ${what.toLowerCase()} ${n}`,
  national: {
    title: 'Well-known numbers',
    intro:
      'A short built-in list to start from. Check the numbers for where you are, and change them as you need.',
    country: 'Country',
    choose: 'Choose a country',
    use: 'Use these numbers',
    used: (country: string) => `Added the numbers for ${country}. Check them, then save.`,
    line: (name: string, phone: string) => `${name}: ${phone}`,
    emergency: (phone: string) => `Emergency: ${phone}`,
  },
  lockScreen: {
    title: 'On the lock screen',
    intro:
      'The lock screen always has a “Need help now?” link with the well-known numbers for where you are. You can also show your own emergency number and one crisis line there. To do that, Between keeps them outside the encrypted vault, in its settings. Nothing else from your plan is shown.',
    show: 'Show my own numbers on the lock screen (kept outside the vault)',
    line: 'Crisis line to show',
    none: 'None',
    emergency: 'Emergency number to show',
    invalid: 'This has to be a phone number (digits, spaces and + only).',
    saved: 'Lock screen settings saved.',
    failed: 'Between could not save the lock screen settings.',
    save: 'Save lock screen settings',
  },
  save: 'Save plan',
  saving: 'Saving…',
  saved: 'Plan saved.',
  failed: 'Between could not save your plan. Nothing was changed. Please try again.',
  unsaved: 'You have changes that are not saved yet.',
  lastSaved: (when: string) => `Last saved ${when}`,
  view: {
    title: 'Your crisis plan',
    intro:
      'If you are in danger now, call the emergency number. Otherwise, take it one step at a time.',
    back: 'Back',
    emergency: (n: string) => `Call ${n}`,
    emergencyLabel: 'Emergency',
    call: (name: string, n: string) => `Call ${name}, ${n}`,
    openSite: (name: string) => `Open ${name}`,
    noPlan:
      'You have not written a crisis plan yet. If you are in danger now, call your local emergency number.',
    suggested: (country: string) => `Well-known numbers for ${country}`,
    noNumber: 'Your local emergency number',
    writePlan: 'Write your crisis plan',
    editPlan: 'Edit the plan',
    linesTitle: 'Crisis lines',
    peopleTitle: 'People I can ask for help',
    professionalsTitle: 'Professionals',
    stepsTitle: 'Things I can do now',
    signsTitle: 'Warning signs I noticed',
    distractionsTitle: 'People and places',
    safeTitle: 'Making my surroundings safer',
    reasonsTitle: 'Reasons for living',
    covering: (name: string, contact: string) =>
      `Your therapist is away. Covering: ${[name, contact].filter(Boolean).join(', ')}`,
    notOpened: (n: string) => `Between could not open a calling app here. The number is ${n}.`,
  },
  lock: {
    title: 'Need help now?',
    open: 'Need help now?',
    emergency: (n: string) => `Emergency: ${n}`,
    line: (name: string, n: string) => `${name}: ${n}`,
    noRegion: 'Call your local emergency number.',
    yours: 'Your own line',
  },
  /** The crisis view opened while locked: only the app's own numbers, nothing from the vault. */
  locked: {
    title: 'Help now',
    intro:
      'If you are in danger now, call the emergency number. If you need to talk to someone, call a crisis line.',
    source: (country: string) =>
      `Numbers for ${country}, built into Between. Your own plan opens once Between is unlocked.`,
    noRegion:
      'Between does not know the numbers for where you are. Call your local emergency number.',
    back: 'Back',
  },
  help: {
    button: 'I need help now',
    compact: 'Help now',
    tooltip: (shortcut: string) => `Opens your crisis plan. Shortcut: ${shortcut}`,
  },
} as const

/** The crisis view's keyboard shortcut, as shown in tooltips and the shortcuts sheet. */
export const crisisShortcut = isMac ? '⌘ Shift H' : 'Ctrl+Shift+H'
/** The same for aria-keyshortcuts. */
export const crisisKeyShortcuts = isMac ? 'Meta+Shift+H' : 'Control+Shift+H'
