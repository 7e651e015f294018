import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { patchOf } from '../../../src/shared/ipc/schemas/common'
import { sessionFields } from '../../../src/shared/ipc/schemas/sessions'
import { talkingPointFields } from '../../../src/shared/ipc/schemas/talking-points'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createTestVault, type TestVault } from '../../helpers/test-vault'

const ID = '01890000-0000-7000-8000-000000000000'

describe('an update changes only the fields it names', () => {
  it('parses a patch without filling defaults', () => {
    expect(patchOf(sessionFields).parse({ id: ID, patch: { notes: 'x' } })).toEqual({ id: ID, patch: { notes: 'x' } })
    expect(patchOf(talkingPointFields).parse({ id: ID, patch: { status: 'dropped' } })).toEqual({ id: ID, patch: { status: 'dropped' } })
    expect(patchOf(sessionFields).safeParse({ id: ID, patch: {} }).success).toBe(false)
    expect(patchOf(sessionFields).safeParse({ id: ID, patch: { status: 'nope' } }).success).toBe(false)
  })

  let vault: TestVault
  beforeEach(async () => {
    vault = await createTestVault()
  })
  afterEach(() => vault.cleanup())

  it('keeps a talking point’s priority, position and source when only its status changes', async () => {
    const reflection = vault.core.reflections.create({ body: 'b', mood: null, tags: [], sessionId: null, bringToSession: true })
    const point = vault.core.talkingPoints.create({ text: 't', priority: 'high', position: 7, targetSessionId: null, sourceReflectionId: reflection.id, sourceDraftId: null, status: 'open' })
    const result = await dispatch(vault.handlers, 'talkingPoints.update', { id: point.id, patch: { status: 'dropped' } })
    expect(result).toMatchObject({ ok: true, value: { status: 'dropped', priority: 'high', position: 7, sourceReflectionId: reflection.id } })
  })

  it('keeps a session’s status and notes when only its homework changes', async () => {
    const session = vault.core.sessions.create({
      therapistId: null,
      startsAt: Date.UTC(2026, 2, 1, 17),
      timeZone: 'Europe/London',
      durationMinutes: 50,
      format: 'video',
      status: 'attended',
      notes: 'kept',
      moodBefore: 2,
      moodAfter: 3,
      takeaways: 'also kept',
      homework: [],
    })
    const result = await dispatch(vault.handlers, 'sessions.update', { id: session.id, patch: { homework: [{ text: 'h' }] } })
    expect(result).toMatchObject({ ok: true, value: { status: 'attended', format: 'video', notes: 'kept', takeaways: 'also kept', moodBefore: 2, durationMinutes: 50 } })
  })
})
