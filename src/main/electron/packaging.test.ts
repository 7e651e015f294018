import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { describe, expect, it } from 'vitest'
import { APP_USER_MODEL_ID } from './app-id'

/**
 * `npm run dist` cannot run here (no Electron binary, no network), so its configuration is
 * checked statically: electron-builder.yml is loaded with electron-builder's own loader and
 * validated with its own validator and, strictly (no type coercion), against its JSON schema.
 */

const root = process.cwd()
const schemaPath = join(root, 'node_modules', 'app-builder-lib', 'scheme.json')

const load = () => getConfig(root, 'electron-builder.yml', null)
const plain = (config: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(config)) as Record<string, unknown>
const compileStrict = () =>
  new Ajv({ allErrors: true, strict: false, coerceTypes: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object)

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 validation', async () => {
    const config = await load()
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined } as never)).resolves.toBeUndefined()
  })

  it('the validators are not vacuous: a misspelt fuse or a wrong type is refused', async () => {
    const config = await load()
    const debug = { isEnabled: false, add: () => undefined } as never
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNod: false } } as never, debug)).rejects.toThrow(/Invalid configuration object[\s\S]*electronFuses/)
    // electron-builder's own validator coerces types ("false" passes as false): hence the strict one.
    const strict = compileStrict()
    expect(strict({ ...plain(config), electronFuses: { runAsNode: 'false' } })).toBe(false)
    expect(strict({ ...plain(config), asarUnpack: 42 })).toBe(false)
    expect(strict({ ...plain(config), electronFusesTypo: {} })).toBe(false)
  })

  it('matches app-builder-lib scheme.json strictly (no coercion, no unknown keys)', async () => {
    const config = await load()
    const validate = compileStrict()
    const valid = validate(plain(config))
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('flips the security fuses', async () => {
    const config = await load()
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    })
    expect(config.asar).toBe(true)
  })

  it('builds AppImage, deb, dmg and nsis, with the native module unpacked and no rebuild', async () => {
    const config = await load()
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3-multiple-ciphers/**/*'])
    expect(config.npmRebuild).toBe(false)
  })

  it("the app id is the one main gives Windows (app.setAppUserModelId), so notifications and the taskbar group work", async () => {
    const config = await load()
    expect(config.appId).toBe(APP_USER_MODEL_ID)
    expect(readFileSync(join(root, 'src', 'main', 'index.ts'), 'utf8')).toContain('app.setAppUserModelId(APP_USER_MODEL_ID)')
  })

  it('the deb has what electron-builder requires (homepage, a maintainer with an e-mail), its AppArmor profile, and AppImage and deb an icon and desktop entry', async () => {
    const config = await load()
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { homepage?: string; author?: { name?: string; email?: string } }
    expect(pkg.homepage).toMatch(/^https:\/\//)
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/)
    const profile = readFileSync(join(root, String(config.deb?.appArmorProfile)), 'utf8')
    expect(profile).toContain('profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined)')
    expect(profile).toMatch(/^\s*userns,$/m)
    const icon = readFileSync(join(root, String(config.linux?.icon)))
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG')
    // electron-builder wants at least 512x512 to make every platform's icon from it.
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512])
    expect(config.linux?.desktop).toMatchObject({ entry: { Name: 'Between', Comment: expect.stringContaining('encrypted') } })
  })

  it('publishes nowhere and never deletes the vault on uninstall', async () => {
    const config = await load()
    expect(config.publish).toBeNull()
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false)
  })

  it('packages the built app: main entry and preload exist where the config and main expect them', async () => {
    const config = await load()
    expect(JSON.stringify(config.files)).toContain('"out/**/*"')
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> }
    expect(pkg.main).toBe('./out/main/index.js')
    expect(pkg.scripts['dist']).toBe('electron-vite build && electron-builder')
    expect(readFileSync(join(root, 'src', 'main', 'index.ts'), 'utf8')).toContain("'../preload/index.cjs'")
  })
})
