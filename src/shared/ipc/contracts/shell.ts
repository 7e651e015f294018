import { z } from 'zod'
import { channel } from './channel'

/** The ways out of the app the person starts themselves (DESIGN.md promise 2). */
export const shellContract = {
  /**
   * Opens a mailto:, sms: or tel: link to an address recorded for a therapist or in the crisis
   * plan, or an https link the person put in their crisis plan. Anything else is refused
   * (opened: false); the renderer shows the address to copy instead.
   */
  'shell.openExternal': channel(
    z.strictObject({ url: z.string().min(1).max(2048) }),
    z.strictObject({ opened: z.boolean() }),
  ),
  /** Copies text for the person. What Between copied is cleared from the clipboard on lock. */
  'clipboard.write': channel(
    z.strictObject({ text: z.string().max(200_000) }),
    z.strictObject({ written: z.literal(true) }),
  ),
} as const
