import { z } from 'zod'

/**
 * zod compiles a fast path for object schemas with `new Function`, after probing whether eval is
 * allowed. The app's CSP (script-src 'self', no 'unsafe-eval') refuses it, and the refused probe
 * reports a CSP violation on every start. `jitless` skips the probe and the compiler: the same
 * results, no violation. Imported first by main.tsx, before any module creates a schema (zod
 * reads the setting when a schema is constructed).
 */
z.config({ jitless: true })
