/** Every word the settings screen says, in one place (DESIGN.md: voice). */
export const settingsStrings = {
  title: 'Settings',
  intro: 'How Between looks and locks, your passphrase, backups, and taking your writing with you.',
} as const
