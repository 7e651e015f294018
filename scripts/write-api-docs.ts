import { writeFileSync } from 'node:fs'
import { renderApiDocs } from './api-docs'

writeFileSync(new URL('../docs/api.md', import.meta.url), renderApiDocs())
process.stdout.write('wrote docs/api.md\n')
