import { z } from 'zod'
import { emptyInput } from '../schemas/common'
import { channel } from './channel'

const received = z.strictObject({ received: z.literal(true) })

/** Signals from the window to the app shell (locking). No content ever travels here. */
export const uiContract = {
  /**
   * The person is using the window (pointer, wheel, touch; keys are seen by main directly).
   * Throttle to about one call per 15 seconds: the idle timer has minute resolution.
   */
  'ui.activity': channel(emptyInput, received),
  /** Answer to the `ui.flush` event: everything being edited has been saved (or given up). */
  'ui.flushed': channel(z.strictObject({ token: z.string().min(1).max(100) }), received),
} as const
