import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { createRecordServices } from '../../../src/main/core'
import { migrate, schemaVersion } from '../../../src/main/core/db/migrate'
import { migrations } from '../../../src/main/core/db/migrations'
import { silentEvents, systemClock } from '../../../src/main/core/ports'

const upTo = (version: number) => migrations.filter((m) => m.version <= version)

describe('migration 0120: starter answers', () => {
  it('adds the table over a database with therapists; answers are kept per therapist and question, and checked', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, migrations.filter((m) => m.version < 120))
    const services = createRecordServices({ db: () => db, checkpoint: () => undefined, clock: systemClock, events: silentEvents })
    const therapist = services.therapists.create({ name: 'Dr Rao', pronouns: '', practice: '', timeZone: 'Europe/London', channels: [] })

    migrate(db, upTo(120))
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(120)
    services.starterAnswers.save({ therapistId: therapist.id, answers: [{ questionId: 'away', answer: 'Wait for them.' }] })
    expect(services.starterAnswers.get({ therapistId: therapist.id }).answers).toEqual([{ questionId: 'away', answer: 'Wait for them.' }])
    const insert = db.prepare('INSERT INTO starter_answers (therapist_id, question_id, answer, updated_at) VALUES (?, ?, ?, 1)')
    expect(() => insert.run(therapist.id, '', 'Sunny.')).toThrow(/CHECK/)
    expect(() => insert.run(therapist.id, 'buffer', '')).toThrow(/CHECK/)
    expect(() => insert.run(therapist.id, 'away', 'Again.')).toThrow(/UNIQUE|PRIMARY/)
    expect(() => insert.run('no-such-therapist', 'buffer', 'A day.')).toThrow(/FOREIGN KEY/)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })
})
