import type { z } from 'zod'
import type {
  agreementsSheetMarkdownInput,
  agreementsSheetPdfInput,
  briefMarkdownInput,
  briefPdfInput,
  reorderInput,
  SessionPrep,
  sessionPrepOpenInput,
  sessionReviewInput,
} from '../../../shared/ipc/contracts/session-prep'
import type { ExportResult } from '../../../shared/ipc/schemas/export'
import type { Session } from '../../../shared/ipc/schemas/sessions'
import { CoreError } from '../errors'
import type { PendingPartials } from '../export/pending-partials'
import { writeFileAtomic } from '../export/write-export'
import { dayInZone, supportedLocale } from '../export/zoned-time'
import { newId } from '../ids'
import type { FileDialogs, Logger, PdfRenderer } from '../ports'
import { writeTransaction, type ServiceContext } from '../records/entity.service'
import { insertRow, selectRowById, fromRow, updateRow } from '../db/table.repo'
import { sessionsTable } from '../sessions/sessions.repo'
import { talkingPointsTable } from '../talking-points/talking-points.repo'
import { therapistsTable } from '../therapists/therapists.repo'
import { toEngineRule } from '../../../shared/domain/rules/stored-rule'
import type { Therapist } from '../../../shared/ipc/schemas/therapists'
import { listRules } from '../rules/rules.repo'
import { readStarterAnswers } from '../rules/starter-answers.repo'
import { agreementsDue, agreementsSheetHtml, agreementsSheetMarkdown, buildAgreementsSheet } from './agreements-sheet'
import { briefHtml, briefMarkdown, buildBrief } from './brief'
import * as repo from './session-prep.repo'
import type { CheckInsService } from '../homework/check-ins.service'
import { homeworkBrief } from '../homework/homework-brief'

export interface SessionPrepPorts {
  checkIns: CheckInsService
  dialogs: FileDialogs
  pdf: PdfRenderer
  logger: Logger
  partials: PendingPartials
}

type OpenInput = z.output<typeof sessionPrepOpenInput>
type ReviewInput = z.output<typeof sessionReviewInput>

/** A talking point from a reflection: its first paragraph, kept short. */
export function pointTextFrom(body: string): string {
  const first = body.trim().split(/\n\s*\n/)[0] ?? ''
  const flat = first.replace(/\s+/g, ' ').trim()
  return flat.length > 300 ? `${flat.slice(0, 299).trimEnd()}…` : flat
}

/**
 * Session prep: what to bring to the next session, and the short review after it. Reads across
 * sessions, reflections, talking points, drafts and contacts; writes talking points and sessions.
 */
export function createSessionPrepService(ctx: ServiceContext, ports: SessionPrepPorts) {
  const changed = (tables: string[]) => ctx.events.emit('data.changed', { tables })

  /** Reads the page; `gathered` says how many flagged reflections were just added. */
  const read = (input: OpenInput, gathered: number): SessionPrep => {
    const db = ctx.db()
    const now = ctx.clock.now()
    const { therapistId } = input
    const lastSession = repo.latestStarted(db, { therapistId, now, status: 'attended', after: null })
    const toReview = repo.latestStarted(db, { therapistId, now, status: 'scheduled', after: lastSession?.startsAt ?? null })
    const since = toReview?.startsAt ?? lastSession?.startsAt ?? null
    return {
      lastSession,
      nextSession: repo.nextScheduled(db, { therapistId, now }),
      toReview,
      since,
      talkingPoints: repo.openTalkingPoints(db),
      gathered,
      moods: repo.moodsSince(db, since),
      drafts: repo.unparkedDrafts(db, therapistId),
      unanswered: repo.unansweredQuestions(db, since, therapistId),
    }
  }

  /** Adds flagged reflections since the last session to the talking points, once each. */
  const gather = (input: OpenInput): number => {
    const db = ctx.db()
    const now = ctx.clock.now()
    const before = read(input, 0)
    // Since the last session that was closed: reflections flagged before a session that is still
    // waiting for its review belong to that session's list.
    const flagged = repo.flaggedWithoutPoint(db, before.lastSession?.startsAt ?? null)
    const toAdd = flagged.map((r) => ({ ...r, text: pointTextFrom(r.body) })).filter((r) => r.text !== '')
    if (toAdd.length === 0) return 0
    writeTransaction(db, () => {
      let position = (repo.maxOpenPosition(db) ?? -1) + 1
      for (const reflection of toAdd) {
        insertRow(db, talkingPointsTable, {
          id: newId(now),
          text: reflection.text,
          priority: 'normal',
          position: position++,
          targetSessionId: before.nextSession?.id ?? null,
          sourceReflectionId: reflection.id,
          sourceDraftId: null,
          status: 'open',
          createdAt: now,
          updatedAt: now,
        })
      }
    })
    changed(['talking_points'])
    return toAdd.length
  }

  const therapistById = (id: string | null): Therapist | null => {
    const row = id === null ? undefined : selectRowById(ctx.db(), therapistsTable, id)
    return row ? fromRow<Therapist>(therapistsTable, row) : null
  }
  const rulesOf = (therapistId: string) => listRules(ctx.db(), { therapistId, includeRetired: false }).map(toEngineRule)
  const sheetOptions = (therapist: Therapist, input: { timeZone: string; locale: string }) => ({
    timeZone: input.timeZone,
    locale: supportedLocale(input.locale),
    therapist: { id: therapist.id, name: therapist.name, timeZone: therapist.timeZone },
    now: ctx.clock.now(),
  })

  const brief = (input: z.output<typeof briefMarkdownInput>) => {
    const prep = read({ therapistId: input.therapistId }, 0)
    const therapist = therapistById(input.therapistId ?? prep.nextSession?.therapistId ?? null)
    const options = { timeZone: input.timeZone, locale: supportedLocale(input.locale), therapistName: therapist?.name ?? null, now: ctx.clock.now() }
    // Agreements due for review by the session (or by now when none is booked).
    const by = prep.nextSession?.startsAt ?? options.now
    const reviews = therapist ? agreementsDue(rulesOf(therapist.id), by, sheetOptions(therapist, input)) : []
    const practice = homeworkBrief(ctx.db(), ports.checkIns, { since: prep.lastSession?.startsAt ?? null, timeZone: input.timeZone, locale: options.locale })
    return { ...buildBrief(prep, options, reviews), practice }
  }

  const sheet = (input: z.output<typeof agreementsSheetMarkdownInput>) => {
    const therapist = therapistById(input.therapistId)
    if (!therapist) throw new CoreError('NOT_FOUND')
    return buildAgreementsSheet(rulesOf(therapist.id), readStarterAnswers(ctx.db(), therapist.id), sheetOptions(therapist, input))
  }

  /** Save dialog, then the page as PDF, written atomically; nothing is written when cancelled. */
  const writePdf = async (suggestedName: string, html: () => { html: string; items: number }): Promise<ExportResult> => {
    ctx.db() // VAULT_LOCKED before any dialog opens
    const path = await ports.dialogs.chooseSavePath('pdf-export', suggestedName)
    if (path === null) return { status: 'cancelled' }
    const page = html()
    let bytes: Uint8Array
    try {
      bytes = await ports.pdf.render(page.html)
    } catch (error) {
      if (error instanceof CoreError) throw error
      ports.logger.error('session_prep.pdf_render_failed', { errorName: error instanceof Error ? error.name : typeof error })
      throw new CoreError('INTERNAL', { cause: { code: 'PDF_RENDER_FAILED' } })
    }
    const name = await ports.partials.around(path, async (partial) => writeFileAtomic({ path, partial }, bytes))
    return { status: 'written', name, files: 1, items: page.items }
  }

  return {
    open(input: OpenInput): SessionPrep {
      return read(input, gather(input))
    },

    reorder(input: z.output<typeof reorderInput>): { ids: string[] } {
      const db = ctx.db()
      const now = ctx.clock.now()
      if (new Set(input.ids).size !== input.ids.length) throw new CoreError('INVALID_INPUT', { field: 'ids' })
      writeTransaction(db, () => {
        input.ids.forEach((id, position) => {
          if (!repo.setPosition(db, id, position, now)) throw new CoreError('NOT_FOUND')
        })
      })
      changed(['talking_points'])
      return { ids: input.ids }
    },

    review(input: ReviewInput): Session {
      const db = ctx.db()
      const now = ctx.clock.now()
      const overlap = input.discussedIds.filter((id) => input.carriedIds.includes(id))
      if (overlap.length > 0) throw new CoreError('INVALID_INPUT', { field: 'carriedIds' })
      const session = writeTransaction(db, () => {
        const current = selectRowById(db, sessionsTable, input.sessionId)
        if (!current) throw new CoreError('NOT_FOUND')
        const updated = updateRow(db, sessionsTable, input.sessionId, {
          status: 'attended',
          notes: input.notes,
          takeaways: input.takeaways,
          moodAfter: input.moodAfter,
          homework: input.homework.map((item) => ({ ...item, id: item.id ?? newId(now) })),
          updatedAt: now,
        })
        if (!updated) throw new CoreError('NOT_FOUND')
        for (const id of input.discussedIds) {
          if (!repo.setPointStatus(db, id, { status: 'discussed', targetSessionId: input.sessionId }, now)) {
            throw new CoreError('NOT_FOUND')
          }
        }
        for (const id of input.carriedIds) {
          if (!repo.setPointStatus(db, id, { status: 'carried_over', targetSessionId: null }, now)) throw new CoreError('NOT_FOUND')
        }
        const previous = input.previousHomework
        if (previous && previous.items.length > 0) {
          const row = selectRowById(db, sessionsTable, previous.sessionId)
          if (!row) throw new CoreError('NOT_FOUND')
          const earlier = fromRow<Session>(sessionsTable, row)
          const statuses = new Map(previous.items.map((item) => [item.id, item.status]))
          updateRow(db, sessionsTable, earlier.id, {
            homework: earlier.homework.map((item) => ({ ...item, status: statuses.get(item.id) ?? item.status })),
            updatedAt: now,
          })
        }
        return fromRow<Session>(sessionsTable, selectRowById(db, sessionsTable, input.sessionId) ?? {})
      })
      changed(['sessions', 'talking_points'])
      return session
    },

    briefMarkdown(input: z.output<typeof briefMarkdownInput>): { markdown: string } {
      return { markdown: briefMarkdown(brief(input)) }
    },

    briefPdf(input: z.output<typeof briefPdfInput>): Promise<ExportResult> {
      return writePdf(`between-session-brief-${dayInZone(ctx.clock.now(), input.timeZone)}.pdf`, () => {
        const model = brief(input)
        return { html: briefHtml(model, input.locale), items: model.points.length }
      })
    },

    agreementsSheetMarkdown(input: z.output<typeof agreementsSheetMarkdownInput>): { markdown: string } {
      return { markdown: agreementsSheetMarkdown(sheet(input)) }
    },

    agreementsSheetPdf(input: z.output<typeof agreementsSheetPdfInput>): Promise<ExportResult> {
      // The therapist must exist before any dialog opens.
      const model = sheet(input)
      return writePdf(`between-keeping-in-touch-${dayInZone(ctx.clock.now(), input.timeZone)}.pdf`, () => ({
        html: agreementsSheetHtml(model, input.locale),
        items: model.questions.length,
      }))
    },
  }
}

export type SessionPrepService = ReturnType<typeof createSessionPrepService>
