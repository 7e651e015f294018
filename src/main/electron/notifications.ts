/**
 * The Notifier port over Electron's Notification. It receives a reminder kind and shows the
 * generic text for it: there is no way for content to reach a notification.
 */
import type { NotificationConstructorOptions } from 'electron'
import type { Notifier } from '../core/ports'
import { REMINDER_TEXT, REMINDER_TITLE } from '../core/reminders/reminder-text'

export interface NotificationClass {
  new (options: NotificationConstructorOptions): { show(): void; on(event: 'click', listener: () => void): unknown }
  isSupported(): boolean
}

export function createElectronNotifier(Notification: NotificationClass, onClick: () => void = () => undefined): Notifier {
  return {
    show(kind) {
      if (!Notification.isSupported()) return
      const notification = new Notification({ title: REMINDER_TITLE, body: REMINDER_TEXT[kind], silent: false })
      notification.on('click', onClick)
      notification.show()
    },
  }
}
