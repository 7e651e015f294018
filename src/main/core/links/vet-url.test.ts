import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DEFAULT_PREFS } from '../../../shared/prefs'
import { NATIONAL_NUMBERS } from '../../../shared/domain/crisis-numbers'
import { createLinkVetter } from './link-vetter'
import { collectAllowedAddresses, normalizePhone, vetExternalUrl, type CrisisPlanAddresses } from './vet-url'

const plan: CrisisPlanAddresses = {
  helpers: [{ phone: '+44 7700 900123' }, { phone: '' }],
  professionals: [{ phone: '020 7946 0000' }],
  crisisLines: [
    { phone: '116 123', url: 'https://chat.example.org/help' },
    { phone: '', url: 'http://insecure.example.org/' },
  ],
  emergencyNumber: '999',
}
const therapists = [
  {
    channels: [
      { channel: 'email', address: 'Dr.Rivera@Practice.example' },
      { channel: 'text', address: '+1 (555) 010-0199' },
      { channel: 'portal', address: 'https://portal.example.com/login' },
      { channel: 'email', address: 'not an email' },
    ],
  },
]
const allowed = collectAllowedAddresses({ therapists, crisisPlan: plan, prefs: DEFAULT_PREFS })

describe('vetExternalUrl', () => {
  it.each([
    ['mailto:dr.rivera@practice.example', 'mailto:dr.rivera@practice.example'],
    ['mailto:Dr.Rivera@Practice.example?subject=Thursday&body=Running%20late', 'mailto:dr.rivera@practice.example?subject=Thursday&body=Running%20late'],
    ['sms:+15550100199', 'sms:+15550100199'],
    ['sms:+1%20555%20010%200199?body=hi', 'sms:+15550100199?body=hi'],
    ['tel:+1-555-010-0199', 'tel:+15550100199'],
    ['tel:116123', 'tel:116123'],
    ['tel:999', 'tel:999'],
    ['tel:+447700900123', 'tel:+447700900123'],
    ['https://chat.example.org/help', 'https://chat.example.org/help'],
    ['HTTPS://CHAT.example.org/help', 'https://chat.example.org/help'],
  ])('allows %s', (url, expected) => {
    expect(vetExternalUrl(url, allowed)).toBe(expected)
  })

  it.each([
    'mailto:someone@else.example',
    'mailto:dr.rivera@practice.example?cc=spy@evil.example',
    'mailto:dr.rivera@practice.example?bcc=spy@evil.example',
    'mailto:dr.rivera@practice.example?to=spy@evil.example',
    'mailto:dr.rivera@practice.example,spy@evil.example',
    'mailto:dr.rivera@practice.example?subject=a&subject=b',
    'mailto://dr.rivera@practice.example',
    'mailto:dr.rivera@practice.example#x',
    'tel:+15550100100',
    'tel://evil.example/999',
    'tel:999?x=1',
    'tel:999;phone-context=evil',
    'sms:999?cc=1',
    'https://portal.example.com/login',
    'https://chat.example.org/help/../../other',
    'https://chat.example.org.evil.example/help',
    'https://chat.example.org@evil.example/help',
    'https://user:pw@chat.example.org/help',
    'http://chat.example.org/help',
    'http://insecure.example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://between/index.html',
    'ms-settings:privacy',
    'smb://host/share',
    'data:text/html,hi',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(vetExternalUrl(url, allowed)).toBeNull()
  })

  it('lock-screen numbers count only when the person chose to show them', () => {
    const prefs = { ...DEFAULT_PREFS, lockScreenCrisisLine: { name: 'Line', phone: '0800 555 0100' }, emergencyNumber: '0800 555 0111' }
    const hidden = collectAllowedAddresses({ therapists: null, crisisPlan: null, prefs })
    expect(vetExternalUrl('tel:08005550100', hidden)).toBeNull()
    const shown = collectAllowedAddresses({ therapists: null, crisisPlan: null, prefs: { ...prefs, showCrisisOnLockScreen: true } })
    expect(vetExternalUrl('tel:08005550100', shown)).toBe('tel:08005550100')
    expect(vetExternalUrl('sms:08005550111', shown)).toBe('sms:08005550111')
  })

  it('the app’s own emergency and crisis numbers are always allowed, with nothing recorded', () => {
    const none = collectAllowedAddresses({ therapists: null, crisisPlan: null, prefs: DEFAULT_PREFS })
    for (const numbers of NATIONAL_NUMBERS) {
      expect(vetExternalUrl(`tel:${numbers.emergency}`, none)).toBe(`tel:${numbers.emergency}`)
      expect(vetExternalUrl(`tel:${numbers.line.phone.replace(/ /g, '')}`, none)).not.toBeNull()
    }
    expect(vetExternalUrl('tel:08005550100', none)).toBeNull()
  })

  it('property: anything allowed is one of the recorded addresses in a mailto/sms/tel/https URL', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('tel:', 'sms:', 'mailto:').chain((p) => fc.string().map((s) => p + s))), (raw) => {
        const out = vetExternalUrl(raw, allowed)
        if (out === null) return true
        const url = new URL(out)
        if (url.protocol === 'https:') return allowed.httpsUrls.has(url.href)
        const address = decodeURIComponent(url.pathname)
        if (url.protocol === 'mailto:') return allowed.emails.has(address)
        return (url.protocol === 'tel:' || url.protocol === 'sms:') && allowed.phones.has(normalizePhone(address) ?? '')
      }),
    )
  })
})

describe('createLinkVetter', () => {
  it('uses the vault while unlocked and only the lock-screen line while locked', async () => {
    let unlocked = true
    const vetter = createLinkVetter({
      vault: async () => (unlocked ? { therapists, crisisPlan: plan } : null),
      prefs: () => ({ ...DEFAULT_PREFS, showCrisisOnLockScreen: true, emergencyNumber: '0800 555 0111' }),
    })
    expect(await vetter.vet('tel:+447700900123')).toBe('tel:+447700900123')
    unlocked = false
    expect(await vetter.vet('tel:+447700900123')).toBeNull()
    expect(await vetter.vet('tel:08005550111')).toBe('tel:08005550111')
  })
})
