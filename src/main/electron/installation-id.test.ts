import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { INSTALLATION_ID_FILE, installationId } from './installation-id'

let userData = ''
const makeTempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix))
afterEach(() => rmSync(userData, { recursive: true, force: true }))

describe('the installation id', () => {
  it('is made once and read back the same at every start', () => {
    userData = makeTempDir('between-userdata-')
    const first = installationId(userData)
    expect(first).toMatch(/^[0-9a-f]{32}$/)
    expect(installationId(userData)).toBe(first)
    expect(readFileSync(join(userData, INSTALLATION_ID_FILE), 'utf8').trim()).toBe(first)
  })

  it('another installation has another id, and a damaged file is replaced by a new one', () => {
    userData = makeTempDir('between-userdata-')
    const elsewhere = makeTempDir('between-userdata-')
    try {
      expect(installationId(elsewhere)).not.toBe(installationId(userData))
    } finally {
      rmSync(elsewhere, { recursive: true, force: true })
    }
    writeFileSync(join(userData, INSTALLATION_ID_FILE), 'not an id')
    const replaced = installationId(userData)
    expect(replaced).toMatch(/^[0-9a-f]{32}$/)
    expect(installationId(userData)).toBe(replaced)
  })
})
