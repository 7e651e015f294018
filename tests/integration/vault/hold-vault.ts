/**
 * A child process that unlocks the vault in BETWEEN_DATA_DIR, says "held" and waits to be killed:
 * the other process then meets VAULT_IN_USE, and after the SIGKILL the OS has dropped the lock.
 */
import { writeSync } from 'node:fs'
import { createCore } from '../../../src/main/core'
import { CHEAP_KDF, TEST_PASSPHRASE } from '../../helpers/test-vault'

const core = createCore({ dataDir: process.env.BETWEEN_DATA_DIR as string, kdfCost: CHEAP_KDF })
await core.vault.unlock({ passphrase: TEST_PASSPHRASE })
writeSync(1, 'held\n')
setInterval(() => undefined, 60_000)
