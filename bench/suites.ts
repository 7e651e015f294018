import contactCheck from './contact-check'
import core from './core'
import homework from './homework'
import type { Figure } from './measure'
import vault from './vault'

/** Every benchmark suite, by name. `npm run bench -- <name>` runs one. */
export const suites: Record<string, () => Promise<Figure[]>> = {
  contactCheck,
  core,
  vault,
  homework,
  renderer: async () => (await import('./renderer')).default(),
}
