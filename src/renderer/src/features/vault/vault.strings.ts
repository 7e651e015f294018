/** Every word the vault screens say, in one place (DESIGN.md: voice). */
export const vaultStrings = {
  appName: 'Between',
  stepOf: (step: number, total: number) => `Step ${step} of ${total}`,

  welcome: {
    title: 'A private place for the time between sessions',
    body: [
      'Between keeps your sessions, reflections and the things you want to bring to therapy, and helps you think through when and how to contact your therapist.',
      'Everything stays on this computer, encrypted with a passphrase only you know, and Between never connects to the internet.',
    ],
    start: 'Set up Between',
    promisesLabel: 'What Between promises',
    promises: [
      { title: 'Only on this computer', body: 'No account, no cloud, no sync.' },
      { title: 'Encrypted', body: 'Unreadable without your passphrase or recovery key.' },
      { title: 'No network', body: 'No tracking, no analytics, nothing sent anywhere.' },
    ],
  },

  create: {
    title: 'Choose a passphrase',
    intro:
      'Your passphrase locks everything you write here. Nobody else has it, not even the people who make Between, so choose one you will remember.',
    hint: 'A few unrelated words make a strong passphrase that is easy to remember, for example a short, odd sentence.',
    passphrase: 'Passphrase',
    confirm: 'Type it again',
    show: 'Show',
    capsLock: 'Caps Lock is on.',
    submit: 'Create my vault',
    submitting: 'Setting up your vault…',
    mismatch: 'The two passphrases are different. Try typing the second one again.',
    empty: 'Choose a passphrase to continue.',
    confirmEmpty: 'Type your passphrase a second time, so we both know it is the one you meant.',
    tooWeak: 'This passphrase would be easy to guess.',
    tryMoreWords: 'Try adding a few more words.',
    fallbackTooShort: 'Please use at least 14 characters. A few unrelated words work well.',
    checking: 'Checking strength…',
    back: 'Back',
  },

  strength: {
    label: 'Strength',
    levels: ['Very easy to guess', 'Easy to guess', 'Could be stronger', 'Strong', 'Very strong'] as const,
    unavailable: 'The strength check is not available right now.',
    longEnough: 'Long enough to be hard to guess.',
  },

  recovery: {
    title: 'Your recovery key',
    intro:
      'If you ever forget your passphrase, this key is the only other way in. It is shown this once. Keep it somewhere safe and away from this computer: printed and put away, or in a password manager.',
    keyLabel: 'Recovery key',
    /** Read letter by letter by screen readers. */
    spokenGroup: (n: number, group: string) => `Group ${n}: ${group.split('').join(' ')}`,
    copy: 'Copy',
    copiedGuarded: 'Copied. Paste it into your password manager now: Between clears it from the clipboard when it locks.',
    copied: 'Copied. Paste it somewhere safe, then copy something else so it does not stay on the clipboard.',
    copyFailed: 'Copying did not work here. Please write the key down or use Print.',
    print: 'Print or save as PDF',
    printHint: 'Opens the print dialog, where you can also save the key as a PDF.',
    printTitle: 'Between recovery key',
    printNote: 'Keep this somewhere safe. With it, anyone can open your Between vault on this computer.',
    printCreated: (date: string) => `Created ${date}`,
    kept: 'I have kept it somewhere safe',
    warning: 'Between cannot show this key again, and nobody can recover your writing without it or your passphrase.',
  },

  confirmKey: {
    title: 'Check your recovery key',
    intro: (group: number, total: number) =>
      `To make sure your key is kept, type group ${group} of ${total} from the copy you saved.`,
    label: (group: number) => `Group ${group}`,
    hint: 'Capital letters do not matter.',
    submit: 'Continue',
    wrong: (group: number) => `That does not match group ${group}. Check your saved copy, or go back to see the key again.`,
    empty: 'Type the group to continue.',
    back: 'Show the key again',
  },

  unlock: {
    title: 'Welcome back',
    intro: 'Between is locked. Enter your passphrase to open it.',
    passphrase: 'Passphrase',
    show: 'Show',
    capsLock: 'Caps Lock is on.',
    submit: 'Unlock',
    submitting: 'Unlocking…',
    empty: 'Enter your passphrase to unlock.',
    wrong: 'That passphrase did not unlock your vault. Nothing has changed. Check Caps Lock and try again.',
    forgot: 'Forgot your passphrase?',
    useRecovery: 'Use your recovery key',
  },

  update: {
    title: 'Updating your journal for this version of Between',
    body: 'This happens once after Between is updated, and can take a minute or two for a long journal. Everything stays as you left it; Between opens when it is done.',
  },

  recoveryUnlock: {
    title: 'Use your recovery key',
    intro: 'Type the recovery key you saved when you set up Between. You will then choose a new passphrase.',
    label: 'Recovery key',
    hint: 'Capital letters and spaces do not matter.',
    submit: 'Continue',
    submitting: 'Checking…',
    empty: 'Type your recovery key to continue.',
    wrong: 'That recovery key did not unlock your vault. Nothing has changed. Check each group against your saved copy.',
    typo: 'That recovery key looks incomplete or has a typo. Check each group against your saved copy.',
    back: 'Use my passphrase instead',
  },

  newPassphrase: {
    title: 'Choose a new passphrase',
    intro: 'Your recovery key worked. Choose a new passphrase; you will use it from now on. Your recovery key stays the same.',
    submit: 'Save new passphrase',
    submitting: 'Saving…',
  },

  errors: {
    generic: 'Something went wrong inside Between. Nothing was changed. Please try again.',
    corrupt:
      'Between could not read the vault. It may be damaged. Nothing has been changed; please keep the vault folder as it is and see the help for recovery options.',
    fromFuture: 'This vault was written by a newer version of Between. Please update Between to open it.',
    migration: 'Between could not update your journal for this version. Nothing was changed: your journal is as it was. Please try again, and if it happens again, restore from a backup or go back to the version you had.',
    io: 'Between could not write to its data folder. Check there is free space, then try again. Nothing was changed.',
    exists: 'A vault already exists here. Unlock it instead.',
    unstorable: 'That passphrase has a character Between cannot store exactly (a broken emoji or symbol, often from a paste). Please type it again or choose another.',
    inUse: 'Between is already open on this vault, in another window or program. Close it there, then try again.',
    weak: 'This passphrase would be easy to guess. Try adding a few more words.',
    disconnected: 'Between could not reach its secure core. Please restart Between.',
    retry: 'Try again',
  },

  lock: 'Lock',
  loading: 'Opening Between…',
} as const
