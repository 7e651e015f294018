import { appStrings } from './app.strings'

const s = appStrings.shortcuts

/** Cmd on a Mac, Ctrl elsewhere: what the person reads in the help sheet. */
export const MOD_LABEL = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl'

export type AppAction = 'new-reflection' | 'search' | 'lock' | 'contact' | 'help'

export interface ShortcutGroup {
  title: string
  items: ReadonlyArray<{ keys: string[]; label: string }>
}

/** Every shortcut in the app, as the help sheet lists them. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: s.groups.everywhere,
    items: [
      { keys: [`${MOD_LABEL}+Shift+H`], label: s.crisis },
      { keys: [`${MOD_LABEL}+N`], label: s.newReflection },
      { keys: [`${MOD_LABEL}+F`, '/'], label: s.search },
      { keys: [`${MOD_LABEL}+K`], label: s.contact },
      { keys: [`${MOD_LABEL}+L`], label: s.lock },
      { keys: ['?'], label: s.help },
    ],
  },
  {
    title: s.groups.timeline,
    items: [
      { keys: ['j', '↓'], label: s.next },
      { keys: ['k', '↑'], label: s.previous },
      { keys: ['Home', 'End'], label: s.firstLast },
      { keys: ['Enter'], label: s.openEntry },
      { keys: ['Esc'], label: s.close },
    ],
  },
]

const isTyping = (el: Element | null) => !!el && el.matches('input, textarea, select, [contenteditable="true"]')

/** Which app action a key press asks for, or null. Dialogs keep their keys to themselves. */
export function actionFor(event: KeyboardEvent, active: Element | null, dialogOpen: boolean): AppAction | null {
  if (event.defaultPrevented || event.altKey || dialogOpen) return null
  const mod = event.ctrlKey || event.metaKey
  const key = event.key.toLowerCase()
  if (mod && !event.shiftKey) {
    if (key === 'n') return 'new-reflection'
    if (key === 'f') return 'search'
    if (key === 'l') return 'lock'
    if (key === 'k') return 'contact'
    return null
  }
  if (mod || isTyping(active)) return null
  if (event.key === '/') return 'search'
  if (event.key === '?') return 'help'
  return null
}
