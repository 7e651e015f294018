/**
 * An export stopped by SIGKILL (a crash, a power cut) leaves its working file beside the path the
 * person chose. The path is remembered only inside the vault, so the next unlock removes exactly
 * that file and leaves the chosen path as it was (issue 14, point 6).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { filesContaining } from '../../helpers/data-dir'
import { killChildWhen } from '../../helpers/kill-child'
import { createTestVault, makeTempDir, TEST_PASSPHRASE, type TestVault } from '../../helpers/test-vault'

const CHILD = fileURLToPath(new URL('./fixtures/export-until-killed.ts', import.meta.url))
const CANARY = 'canaryPx7Qe2'

let vault: TestVault | undefined
let out = ''
afterEach(() => {
  vault?.cleanup()
  vault = undefined
  if (out) rmSync(out, { recursive: true, force: true })
})

const killAt = (line: string, args: string[]) => killChildWhen(CHILD, args, (printed) => printed === line)

describe('an export killed part way', () => {
  it('leaves a working file that the next unlock removes, and the chosen path untouched', async () => {
    vault = await createTestVault()
    vault.core.reflections.create({ body: `words ${CANARY}`, tags: [], mood: null, sessionId: null, bringToSession: false })
    vault.core.close()
    out = makeTempDir('between-export-killed-')
    const chosen = join(out, 'report.pdf')
    writeFileSync(chosen, 'the file the person chose to replace')
    writeFileSync(join(out, '.report.pdf.0123456789ab.partial'), 'not made by Between: never matched by pattern')

    const seen = await killAt('printing', [vault.dir, chosen])
    expect(seen).not.toContain('finished')
    const left = readdirSync(out).filter((name) => name.endsWith('.partial') && !name.includes('0123456789ab'))
    expect(left).toHaveLength(1)
    expect(filesContaining(out, CANARY)).toEqual(left) // the report's plaintext

    const core = vault.reopen()
    expect(readdirSync(out)).toContain(left[0]) // locked: the path is known only inside the vault
    await core.vault.unlock({ passphrase: TEST_PASSPHRASE })
    expect(readdirSync(out).sort()).toEqual(['.report.pdf.0123456789ab.partial', 'report.pdf'])
    expect(readFileSync(chosen, 'utf8')).toBe('the file the person chose to replace')
    expect(core.vault.db().prepare('SELECT count(*) FROM pending_exports').pluck().get()).toBe(0)
    core.close()
  }, 120_000)
})
