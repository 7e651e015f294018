import contactCheck from './contact-check'
import core from './core'
import heavy from './heavy'
import homework from './homework'
import imports from './imports'
import type { Figure } from './measure'
import search from './search'
import sync from './sync'
import vault from './vault'

/** Every benchmark suite, by name. `npm run bench -- <name>` runs one. */
export const suites: Record<string, () => Promise<Figure[]>> = {
  contactCheck,
  core,
  heavy,
  imports,
  vault,
  sync,
  homework,
  search,
  renderer: async () => (await import('./renderer')).default(),
}
