import { spawn } from 'node:child_process'
import { childScriptArgs } from './child-scripts'

/**
 * Runs a TypeScript fixture in a child process (its bundle when tests/helpers/child-scripts-setup.ts made one) and SIGKILLs it as soon as it prints a line that
 * `killWhen` accepts (a crash at a chosen moment). Resolves with every line it printed; rejects
 * when the child ends on its own, so a test cannot pass without the kill.
 */
export function killChildWhen(script: string, args: readonly string[], killWhen: (line: string) => boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childScriptArgs(script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    const seen: string[] = []
    let buffered = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      seen.push(...lines)
      if (lines.some(killWhen)) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`child ended without the kill: ${seen.slice(-3).join(', ')}`))))
  })
}
