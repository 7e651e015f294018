/** Vitest global setup of the window project: the run's folder for its shared vaults (shared-vault.ts). */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The run's folder, for the test forks (they inherit the environment). */
export const SHARED_VAULTS_ENV = 'BETWEEN_E2E_SHARED_VAULTS'

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'between-e2e-shared-'))
  process.env[SHARED_VAULTS_ENV] = dir
  return () => {
    delete process.env[SHARED_VAULTS_ENV]
    rmSync(dir, { recursive: true, force: true })
  }
}
