import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSPHRASE } from '../../scripts/demo-vault'
import { e2eSkipReason, launchApp, type E2EApp } from './harness'

const ARABIC = 'كان الأسبوع هادئا.\nتحدثت مع أختي يوم الأحد.'
const HEBREW = 'שבוע שקט יותר.\nדיברתי עם אחותי ביום ראשון.'

/** The direction the browser laid an element out in, and whether the text kept its line break. */
const layout = (selector: string) => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)})
  return el ? { direction: getComputedStyle(el).direction, lines: el.innerText.split('\\n').length } : null
})()`

/**
 * Text in right-to-left scripts, there and back: typed into the editor, saved in the vault,
 * shown in the timeline's preview and read back, each laid out right to left with its lines.
 */
describe.skipIf(e2eSkipReason())('right-to-left writing', () => {
  let app: E2EApp

  beforeAll(async () => {
    app = await launchApp({ beforeLoad: async ({ invoke }) => void (await invoke('vault.create', { passphrase: DEMO_PASSPHRASE })) })
    app.page.setDefaultTimeout(10_000)
    await app.page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
  })

  afterAll(async () => {
    await app?.close()
  })

  for (const [script, text] of [
    ['Arabic', ARABIC],
    ['Hebrew', HEBREW],
  ] as const) {
    it(`keeps ${script} right to left, with its line break, from the editor to the vault and back`, async () => {
      const { page } = app
      await page.keyboard.press('Control+n')
      const panel = page.getByRole('complementary', { name: 'Details' })
      const body = panel.getByLabel('What is on your mind?')
      await body.waitFor()
      await body.fill(text)
      expect(await page.evaluate(layout('.editor__textarea'))).toMatchObject({ direction: 'rtl' })
      await panel.getByRole('button', { name: 'Close' }).last().click()

      const saved = (await app.invoke('reflections.list', { limit: 10, before: null, tag: null })).find((r) => r.body.startsWith(text.slice(0, 6)))
      expect(saved?.body).toBe(text)

      const row = page.getByRole('feed', { name: 'Timeline entries' }).getByRole('article').filter({ hasText: text.split('\n')[0] ?? '' })
      await row.waitFor()
      expect(await row.locator('.tl-entry__text').getAttribute('dir')).toBe('auto')
      const id = await row.getAttribute('id')
      expect(await page.evaluate(layout(`#${id} .tl-entry__text`))).toEqual({ direction: 'rtl', lines: 2 })

      await row.click()
      await expect.poll(() => panel.getByLabel('What is on your mind?').inputValue()).toBe(text)
      await panel.getByRole('button', { name: 'Close' }).last().click()
    })
  }

  it('lays out English text left to right beside it', async () => {
    const { page } = app
    await page.keyboard.press('Control+n')
    const body = page.getByRole('complementary', { name: 'Details' }).getByLabel('What is on your mind?')
    await body.fill('A quiet week.')
    expect(await page.evaluate(layout('.editor__textarea'))).toMatchObject({ direction: 'ltr' })
  })
})
