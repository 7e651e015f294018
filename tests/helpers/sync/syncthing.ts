/**
 * Two real Syncthing instances on this machine, sharing one folder between two directories:
 * every address on 127.0.0.1, global and local discovery, relays, NAT traversal, usage
 * reporting, crash reporting and upgrades off, the REST API on loopback ports. Traffic never
 * leaves the machine. Only processes started here are stopped here.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

export const syncthingMissing = (): string | null => {
  const probe = spawnSync('syncthing', ['--version'], { encoding: 'utf8' })
  return probe.status === 0 ? null : 'syncthing is not installed (apt-get install syncthing)'
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

interface Instance {
  home: string
  id: string
  listen: number
  gui: number
  apiKey: string
  process?: ChildProcess
}

const FOLDER_ID = 'between-sync'

function configXml(self: Instance, peer: Instance, folder: string): string {
  const device = (d: Instance) =>
    `<device id="${d.id}" name="${d === self ? 'self' : 'peer'}" compression="metadata" introducer="false"><address>tcp://127.0.0.1:${d.listen}</address><autoAcceptFolders>false</autoAcceptFolders></device>`
  return `<configuration version="36">
  <folder id="${FOLDER_ID}" label="Between" path="${folder}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="true">
    <device id="${self.id}"></device>
    <device id="${peer.id}"></device>
    <markerName>.stfolder</markerName>
  </folder>
  ${device(self)}
  ${device(peer)}
  <gui enabled="true" tls="false"><address>127.0.0.1:${self.gui}</address><apikey>${self.apiKey}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${self.listen}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <startBrowser>false</startBrowser>
    <crashReportingEnabled>false</crashReportingEnabled>
    <announceLANAddresses>false</announceLANAddresses>
    <reconnectionIntervalS>1</reconnectionIntervalS>
  </options>
</configuration>
`
}

async function prepare(home: string): Promise<Instance> {
  mkdirSync(home, { recursive: true })
  const generated = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], { encoding: 'utf8', env: { ...process.env, STNODEFAULTFOLDER: '1' } })
  if (generated.status !== 0) throw new Error('syncthing generate failed')
  const id = spawnSync('syncthing', [`--home=${home}`, '--device-id'], { encoding: 'utf8' }).stdout.trim()
  return { home, id, listen: await freePort(), gui: await freePort(), apiKey: randomBytes(16).toString('hex') }
}

export interface SyncthingPair {
  /** True once each instance reports the other connected. */
  connected(): Promise<boolean>
  stop(): Promise<void>
}

export async function startSyncthingPair(homes: [string, string], folders: [string, string]): Promise<SyncthingPair> {
  const a = await prepare(homes[0])
  const b = await prepare(homes[1])
  const pairs: Array<[Instance, Instance, string]> = [
    [a, b, folders[0]],
    [b, a, folders[1]],
  ]
  for (const [self, peer, folder] of pairs) {
    mkdirSync(join(folder, '.stfolder'), { recursive: true })
    writeFileSync(join(self.home, 'config.xml'), configXml(self, peer, folder))
    self.process = spawn(
      'syncthing',
      ['serve', `--home=${self.home}`, '--no-browser', '--no-restart', '--no-upgrade', '--skip-port-probing', `--logfile=${join(self.home, 'log.txt')}`],
      { stdio: 'ignore', env: { ...process.env, STNOUPGRADE: '1', STNORESTART: '1', STNODEFAULTFOLDER: '1' } },
    )
  }
  const connectedTo = async (self: Instance, peer: Instance): Promise<boolean> => {
    try {
      const response = await fetch(`http://127.0.0.1:${self.gui}/rest/system/connections`, { headers: { 'X-API-Key': self.apiKey } })
      const body = (await response.json()) as { connections: Record<string, { connected: boolean }> }
      return body.connections[peer.id]?.connected === true
    } catch {
      return false
    }
  }
  return {
    connected: async () => (await connectedTo(a, b)) && (await connectedTo(b, a)),
    async stop() {
      await Promise.all(
        [a, b].map(
          (instance) =>
            new Promise<void>((resolve) => {
              const child = instance.process
              if (!child || child.exitCode !== null) return resolve()
              child.once('exit', () => resolve())
              child.kill('SIGTERM')
            }),
        ),
      )
    },
  }
}
