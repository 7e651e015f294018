import { afterAll } from 'vitest'
import { closeKeptBrowser, keepBrowserOpen } from './harness'

/** The window suite's files each keep one Chromium for all their launches (see harness.ts). */
keepBrowserOpen()
afterAll(closeKeptBrowser)
