import type { RuleKind } from '../../rules/rule-kinds'
import { bufferAfterSession } from './buffer-after-session'
import { channelForPurpose } from './channel-for-purpose'
import { clinicalInSession } from './clinical-in-session'
import { coachingBeforeNotAfter } from './coaching-before-not-after'
import { contactHours } from './contact-hours'
import { customConfirm } from './custom-confirm'
import type { Evaluator } from './evaluator'
import { frequencyCap } from './frequency-cap'
import { journalFirst } from './journal-first'
import { lengthCap } from './length-cap'
import { pauseAfterEvent } from './pause-after-event'
import { responseExpectation } from './response-expectation'
import { therapistAway } from './therapist-away'
import { waitForNextSession } from './wait-for-next-session'
import { worksheet } from './worksheet'

/** One evaluator per rule kind. */
export const evaluators: { [K in RuleKind]: Evaluator<K> } = {
  buffer_after_session: bufferAfterSession,
  contact_hours: contactHours,
  channel_for_purpose: channelForPurpose,
  clinical_in_session: clinicalInSession,
  frequency_cap: frequencyCap,
  length_cap: lengthCap,
  response_expectation: responseExpectation,
  wait_for_next_session: waitForNextSession,
  journal_first: journalFirst,
  therapist_away: therapistAway,
  pause_after_event: pauseAfterEvent,
  worksheet,
  custom_confirm: customConfirm,
  coaching_before_not_after: coachingBeforeNotAfter,
}
