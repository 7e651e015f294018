/**
 * The devices that take part in sync, sealed inside the header: the name the person gave each,
 * when it joined, and for a removed device the last of its files that everyone still applies.
 */
import { z } from 'zod'
import { DEVICE_ID_PATTERN } from './hlc'

export const rosterSchema = z.strictObject({
  devices: z
    .array(
      z.strictObject({
        id: z.string().regex(DEVICE_ID_PATTERN),
        name: z.string().min(1).max(80),
        joinedAt: z.int().min(0),
        /** The device's own X25519 public key (base64): each sync key is wrapped for it. */
        publicKey: z.string().max(64),
        /** Removed: files after this sequence are never applied; the device must join again. */
        removedAfter: z.int().min(0).nullable(),
      }),
    )
    .max(256),
})

export type Roster = z.infer<typeof rosterSchema>
export type RosterDevice = Roster['devices'][number]

export const activeDevices = (roster: Roster): RosterDevice[] => roster.devices.filter((d) => d.removedAfter === null)
