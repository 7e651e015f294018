/**
 * Seed data for the agreements, contact check, crisis plan and session prep specs: the issue's
 * seed scenario (a session on Tuesday 10 March 2026 at 17:00 London, a few days' pause after a
 * session unless it is a specific concern or a significant event, contact hours on weekdays).
 */
import type { E2EApp } from './harness'

type Invoke = E2EApp['invoke']

export const PASSPHRASE = 'quiet lantern orchard velvet'
export const ZONE = 'Europe/London'
export const HOUR = 3_600_000
export const DAY = 24 * HOUR
/** March 2026 is GMT in London until the 29th: UTC and local time agree. */
export const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour, minute)
export const TUESDAY_SESSION = at(10, 17)
export const AGREED = at(3, 12)

export interface Seeded {
  therapistId: string
  bufferId: string
  hoursId: string
  sessionId: string
  nextSessionId: string
}

/** A vault with Dr Amara Rao, the two seed rules and the Tuesday sessions. Run at or before Tuesday 17:00. */
export async function seedScenario(invoke: Invoke, options: { attended?: boolean } = {}): Promise<Seeded> {
  await invoke('vault.create', { passphrase: PASSPHRASE })
  const therapist = await invoke('therapists.create', {
    name: 'Dr Amara Rao',
    practice: 'Riverside Counselling',
    timeZone: ZONE,
    channels: [
      { channel: 'email', address: 'amara.rao@riverside.example', label: '' },
      { channel: 'text', address: '07700 900123', label: '' },
      { channel: 'phone', address: '020 7946 0321', label: '' },
      { channel: 'portal', address: 'https://portal.riverside.example', label: '' },
    ],
  })
  const buffer = await invoke('rules.create', {
    therapistId: therapist.id,
    severity: 'block',
    agreementText: 'A few days after a session, unless it is a specific concern or something big happens.',
    agreedOn: AGREED,
    reviewBy: at(3, 12) + 90 * DAY,
    active: true,
    body: { kind: 'buffer_after_session', params: { hours: 72, exemptPurposes: ['concern', 'significant_event'] } },
  })
  const hours = await invoke('rules.create', {
    therapistId: therapist.id,
    severity: 'block',
    agreementText: '',
    agreedOn: AGREED,
    reviewBy: null,
    active: true,
    body: {
      kind: 'contact_hours',
      params: { windows: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }], exemptPurposes: [], exemptChannels: [] },
    },
  })
  const session = await invoke('sessions.create', {
    therapistId: therapist.id,
    startsAt: TUESDAY_SESSION,
    timeZone: ZONE,
    durationMinutes: 50,
    status: options.attended ? 'attended' : 'scheduled',
  })
  const next = await invoke('sessions.create', {
    therapistId: therapist.id,
    startsAt: TUESDAY_SESSION + 7 * DAY,
    timeZone: ZONE,
    durationMinutes: 50,
    status: 'scheduled',
  })
  return { therapistId: therapist.id, bufferId: buffer.id, hoursId: hours.id, sessionId: session.id, nextSessionId: next.id }
}

export const h1 = (app: E2EApp, name: string | RegExp) => app.page.getByRole('heading', { level: 1, name }).waitFor()

/** Opens a screen from the sidebar (or the Ready to contact? button) and waits for its heading. */
export async function openScreen(app: E2EApp, name: 'Ready to contact?' | 'Next session' | 'Agreements' | 'Crisis plan'): Promise<void> {
  const sidebar = app.page.locator('.sidebar')
  await sidebar.getByRole('button', { name, exact: true }).click()
  await h1(app, name === 'Crisis plan' ? 'Your crisis plan' : name)
}
