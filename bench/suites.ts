import type { Figure } from './measure'

/** Every benchmark suite, by name. `npm run bench -- <name>` runs one. */
export const suites: Record<string, () => Promise<Figure[]>> = {}
