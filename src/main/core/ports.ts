/** Capabilities the core is given rather than reaching for (DESIGN.md: ports). */

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** Push events to the renderer; the Electron glue and the e2e harness each provide one. */
export interface EventSink {
  emit(event: 'data.changed', payload: { tables: string[] }): void
  emit(event: 'vault.locked', payload: { reason: 'idle' | 'manual' | 'suspend' | 'screen-lock' | 'quit' }): void
}

export const silentEvents: EventSink = { emit: () => undefined }

/**
 * A log that can only carry codes and names: there is no parameter through which user content
 * could travel.
 */
export interface Logger {
  error(code: string, detail?: Record<string, string | number | boolean>): void
  warn(code: string, detail?: Record<string, string | number | boolean>): void
}

export const silentLogger: Logger = { error: () => undefined, warn: () => undefined }

/** Argon2id cost. Production calibrates at creation; tests pass a cheap cost. */
export interface KdfCost {
  memoryKiB: number
  iterations: number
  parallelism: number
}
