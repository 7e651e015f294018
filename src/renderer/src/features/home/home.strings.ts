export const homeStrings = {
  greeting: (hour: number): string => (hour < 5 ? 'Good evening' : hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening'),
  intro: 'This is your space. Take your time.',
  therapist: {
    title: 'Your therapist',
    theirTime: (time: string) => `It is ${time} for them`,
    sameZone: 'Same time zone as you',
    noChannels: 'No ways to get in touch recorded yet.',
    emptyTitle: 'No therapist added yet',
    emptyBody: 'Adding your therapist lets Between show their local time and the ways you have agreed to get in touch.',
    add: 'Add your therapist',
    dialogTitle: 'Add your therapist',
    dialogClose: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    loadFailed: 'Between could not load this just now. Your data is safe. Try again in a moment.',
  },
  timeline: {
    title: 'Your timeline',
    body: 'Your sessions, reflections and talking points, newest first.',
    open: 'Open your timeline',
  },
} as const
