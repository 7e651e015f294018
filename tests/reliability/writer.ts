/**
 * A child process that writes reflections as fast as it can and reports each acknowledged save
 * on stdout ("ack <n>"), so its parent can kill it at any moment and check what survived.
 *
 *   BETWEEN_DATA_DIR   the vault folder (already created)
 *   WRITER_MODE        "correct" (ack after the save returns) or "ack-before-commit" (a
 *                      deliberately wrong writer, to prove the harness can fail)
 */
import { writeSync } from 'node:fs'
import { createCore } from '../../src/main/core'
import { CHEAP_KDF, TEST_PASSPHRASE } from '../helpers/test-vault'

const dataDir = process.env.BETWEEN_DATA_DIR as string
const wrong = process.env.WRITER_MODE === 'ack-before-commit'
const say = (line: string) => writeSync(1, `${line}\n`)

const core = createCore({ dataDir, kdfCost: CHEAP_KDF })
await core.vault.unlock({ passphrase: TEST_PASSPHRASE })
const start = Number(process.env.WRITER_START ?? 0)
say('ready')
for (let n = start; ; n++) {
  const save = () => core.reflections.create({ body: `acknowledged save ${n}`, mood: null, tags: [], sessionId: null, bringToSession: false })
  if (wrong) {
    say(`ack ${n}`)
    const until = performance.now() + 3
    while (performance.now() < until) {
      // The wrong writer's window between acknowledging and committing.
    }
    save()
  } else {
    save()
    say(`ack ${n}`)
  }
}
