import type { UnreadableRow } from '../../../../shared/ipc/contracts/repair'

/** Settings → Repair: entries this version cannot show. */
export const repairStrings = {
  title: 'Repair',
  intro: 'Entries that Between cannot show, for example because another program changed them. They are left out of your lists, not lost: copy what can be read, then delete the entry if you like.',
  loading: 'Looking for entries that cannot be shown…',
  loadFailed: 'Between could not look for such entries just now.',
  retry: 'Try again',
  none: 'Every entry can be shown. Nothing needs repair.',
  more: (n: number) => `${n} more not listed here.`,
  unreadable: (fields: readonly string[]) => `Cannot be read: ${fields.join(', ')}.`,
  noText: 'No text can be read from this entry.',
  copy: 'Copy its text',
  copied: 'Copied.',
  remove: 'Delete this entry',
  confirmRemove: 'Delete for good',
  removed: 'Deleted.',
  failed: 'That did not work. Nothing was changed.',
  kinds: {
    therapists: 'A therapist',
    sessions: 'A session',
    reflections: 'A reflection',
    talkingPoints: 'A talking point',
    contacts: 'A contact',
    drafts: 'A draft',
    absences: 'An absence',
    rules: 'An agreement',
  } satisfies Record<UnreadableRow['domain'], string>,
} as const
