export const appStrings = {
  skipToContent: 'Skip to content',
  nav: {
    label: 'Main',
    home: 'Overview',
    settings: 'Settings',
  },
  lock: 'Lock Between',
  lockHint: 'Locks now. Your passphrase opens it again.',
  locking: 'Locking…',
  errorTitle: 'Between could not start',
  retry: 'Try again',
  screenFailed: 'This screen ran into a problem inside Between. Your data is safe. Try another screen, or lock and unlock Between.',
} as const
