/**
 * The peer approach, implemented honestly as a baseline: every item encrypted on its own with
 * AES-256-GCM (as note apps that encrypt item by item do), so a search must decrypt every item
 * and scan it, then sort the matches by date and keep a page.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { summarize } from './measure'

interface Sealed {
  at: number
  iv: Buffer
  tag: Buffer
  data: Buffer
}

function seal(key: Buffer, at: number, body: string): Sealed {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()])
  return { at, iv, tag: cipher.getAuthTag(), data }
}

function search(key: Buffer, items: readonly Sealed[], word: string): Array<{ at: number; snippet: string }> {
  const needle = word.toLowerCase()
  const hits: Array<{ at: number; snippet: string }> = []
  for (const item of items) {
    const decipher = createDecipheriv('aes-256-gcm', key, item.iv)
    decipher.setAuthTag(item.tag)
    const text = Buffer.concat([decipher.update(item.data), decipher.final()]).toString('utf8')
    const index = text.toLowerCase().indexOf(needle)
    if (index >= 0) hits.push({ at: item.at, snippet: text.slice(Math.max(0, index - 60), index + 60) })
  }
  return hits.sort((a, b) => b.at - a.at).slice(0, 50)
}

export function decryptAndScanBaseline(rows: ReadonlyArray<{ at: number; body: string }>, rare: string, common: string) {
  const key = randomBytes(32)
  const items = rows.map((row) => seal(key, row.at, row.body))
  const before = process.memoryUsage().rss
  let peak = before
  const time = (word: string) => {
    const samples: number[] = []
    for (let i = 0; i < 3; i++) {
      const start = performance.now()
      search(key, items, word)
      samples.push(performance.now() - start)
      peak = Math.max(peak, process.memoryUsage().rss)
    }
    return summarize(samples)
  }
  const result = { common: time(common), rare: time(rare) }
  return { ...result, peakMB: peak / 2 ** 20 }
}
