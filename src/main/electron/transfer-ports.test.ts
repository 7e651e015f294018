import { describe, expect, it } from 'vitest'
import { REMINDER_KINDS } from '../../shared/domain/vocabulary'
import { REMINDER_TEXT } from '../core/reminders/reminder-text'
import { createElectronFileDialogs } from './dialogs'
import { createElectronNotifier, type NotificationClass } from './notifications'

describe('Electron FileDialogs adapter', () => {
  it('returns the chosen path, or null when cancelled', async () => {
    const calls: unknown[] = []
    const dialog = {
      showSaveDialog: async (...args: unknown[]) => {
        calls.push(args)
        return { canceled: false, filePath: '/home/sam/backup.betweenbackup' }
      },
      showOpenDialog: async (...args: unknown[]) => {
        calls.push(args)
        return { canceled: true, filePaths: [] }
      },
    }
    const dialogs = createElectronFileDialogs(dialog as never, () => null, () => '/home/sam/Documents')
    expect(await dialogs.chooseSavePath('backup', 'between-2026-03-03.betweenbackup')).toBe('/home/sam/backup.betweenbackup')
    expect(calls[0]).toEqual([
      expect.objectContaining({ defaultPath: '/home/sam/Documents/between-2026-03-03.betweenbackup', filters: [{ name: 'Between backup', extensions: ['betweenbackup'] }] }),
    ])
    expect(await dialogs.chooseOpenPath('calendar')).toBeNull()
    expect(await dialogs.chooseFolder('backup-folder')).toBeNull()
    expect(calls[2]).toEqual([expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] })])
  })
})

describe('Electron Notifier adapter', () => {
  it('shows the generic text for the kind, and nothing else', () => {
    const shown: unknown[] = []
    const Fake = class {
      constructor(readonly options: unknown) {}
      static isSupported = () => true
      on() {
        return this
      }
      show() {
        shown.push(this.options)
      }
    } as unknown as NotificationClass
    const notifier = createElectronNotifier(Fake)
    for (const kind of REMINDER_KINDS) notifier.show(kind)
    expect(shown).toEqual(REMINDER_KINDS.map((kind) => ({ title: 'Between', body: REMINDER_TEXT[kind], silent: false })))
  })
})
