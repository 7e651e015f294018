import { mkdirSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import type { Theme } from './in-view'

const DOCS_SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots')

/**
 * Where the specs write their pictures: `BETWEEN_SHOTS=1` → docs/screenshots,
 * `BETWEEN_SHOTS=<folder>` → that folder; unset, the suite only checks and writes nothing.
 */
export const shotsDir: string | undefined = pictureFolder(process.env.BETWEEN_SHOTS)

function pictureFolder(setting: string | undefined): string | undefined {
  if (!setting) return undefined
  const folder = setting === '1' ? DOCS_SCREENSHOTS : isAbsolute(setting) ? setting : resolve(setting)
  mkdirSync(folder, { recursive: true })
  return folder
}

/** A picture of the page or one part of it as `<name>.png`, when pictures are asked for. */
export async function shoot(target: Page | Locator, name: string): Promise<void> {
  if (!shotsDir) return
  await target.screenshot({ path: join(shotsDir, `${name}.png`), animations: 'disabled', caret: 'hide' })
}

/** `<name>-light.png` and `<name>-dark.png` by the system colour scheme, which is light again afterwards. */
export async function shootBothThemes(page: Page, name: string, target: Page | Locator = page): Promise<void> {
  if (!shotsDir) return
  for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
    await page.emulateMedia({ colorScheme: theme })
    await shoot(target, `${name}-${theme}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** `<name>-800-light.png` and `<name>-1280-dark.png`; the window's size and theme as they were afterwards. */
export async function shootSmallLightLargeDark(page: Page, name: string): Promise<void> {
  if (!shotsDir) return
  const viewport = page.viewportSize()
  for (const [width, height, theme] of [[800, 600, 'light'], [1280, 800, 'dark']] as const) {
    await page.setViewportSize({ width, height })
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme)
    await shoot(page, `${name}-${width}-${theme}`)
  }
  await page.evaluate(() => document.documentElement.removeAttribute('data-theme'))
  if (viewport) await page.setViewportSize(viewport)
}
