import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderApiDocs } from '../../../scripts/api-docs'
import { contract } from '../../../src/shared/ipc/contract'

describe('docs/api.md', () => {
  it('is generated from the current contract (run `npm run docs:api` after changing it)', () => {
    const onDisk = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8')
    expect(onDisk).toBe(renderApiDocs())
    for (const channel of Object.keys(contract)) expect(onDisk).toContain(`### \`${channel}\``)
  })
})
