import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DEV_USER_DATA_NAME, separateDevUserData, vaultFolder } from './user-data'

const fakeApp = (isPackaged: boolean) => ({ isPackaged, getPath: vi.fn(() => join('/home', 'ana', '.config')), setPath: vi.fn() })

describe('userData for development and packaged runs', () => {
  it('an unpackaged run (npm run dev, npm start) uses Between-dev, so its vault and single-instance lock are its own', () => {
    const app = fakeApp(false)
    expect(separateDevUserData(app)).toBe(join('/home', 'ana', '.config', DEV_USER_DATA_NAME))
    expect(app.setPath).toHaveBeenCalledWith('userData', join('/home', 'ana', '.config', 'Between-dev'))
  })

  it("the packaged app keeps Electron's default (the product name, Between)", () => {
    const app = fakeApp(true)
    expect(separateDevUserData(app)).toBeNull()
    expect(app.setPath).not.toHaveBeenCalled()
  })

  it('the vault lives in userData/vault unless BETWEEN_DATA_DIR names another folder', () => {
    expect(vaultFolder(join('/u', 'Between-dev'), {})).toBe(join('/u', 'Between-dev', 'vault'))
    expect(vaultFolder(join('/u', 'Between-dev'), { BETWEEN_DATA_DIR: '' })).toBe(join('/u', 'Between-dev', 'vault'))
    expect(vaultFolder(join('/u', 'Between-dev'), { BETWEEN_DATA_DIR: join('/portable', 'vault') })).toBe(join('/portable', 'vault'))
  })
})
