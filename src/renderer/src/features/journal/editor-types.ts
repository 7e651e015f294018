import type { TimelineEntry } from '../../../../shared/ipc/schemas/timeline'

/** What an editor in the timeline's side panel tells the screen. */
export interface EditorEvents {
  /** A new entry now exists in the vault. */
  onCreated(kind: TimelineEntry['kind'], id: string): void
  /** An entry was saved: the list re-reads it. */
  onSaved(kind: TimelineEntry['kind'], id: string, at: number): void
  /** An entry was deleted; `undo` puts it back. */
  onDeleted(kind: TimelineEntry['kind'], id: string, message: string, undo: () => Promise<{ at: number }>): void
  onClose(): void
}
